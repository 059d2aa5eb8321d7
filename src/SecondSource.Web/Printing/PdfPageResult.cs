using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondSource.Web.Printing;

/// <summary>
/// A page rendered as usual, into a buffer instead of the response, then printed to PDF by <see cref="ChromiumPdf"/>
/// and sent as a download. (The page invoker hands a <see cref="PageResult"/> its page before executing it, which is
/// why this derives from it.) When Chromium fails, the user is sent back to the page with the reason.
/// </summary>
public sealed class PdfPageResult(ChromiumPdf pdf, string fileName, string backTo) : PageResult
{
    public override async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await base.ExecuteResultAsync(context);
        }
        finally
        {
            response.Body = original;
        }

        byte[] document;
        try
        {
            document = await pdf.PrintAsync(Encoding.UTF8.GetString(buffer.ToArray()), context.HttpContext.RequestAborted);
        }
        catch (InvalidOperationException ex)
        {
            response.Clear();
            if (Page?.ViewContext?.TempData is { } tempData)
            {
                tempData["Refusal"] = $"The PDF could not be printed: {ex.Message}";
                tempData.Save();
            }

            response.Redirect(backTo);
            return;
        }

        response.Clear();
        await new FileContentResult(document, "application/pdf") { FileDownloadName = fileName }.ExecuteResultAsync(context);
    }
}

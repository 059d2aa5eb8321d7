using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondSource.Web.Pages;

/// <summary>The page people see for an error status or an unhandled exception; never shows internals.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The request could not be completed. Nothing was changed.";

    public string? RequestId { get; private set; }

    public void OnGet(int? statusCode) => Describe(statusCode);

    public void OnPost(int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Explanation) = statusCode switch
        {
            400 => ("The request was not accepted", "The form may have expired (open the page again and resend it), or the request was malformed."),
            404 => ("Not found", "There is nothing at this address, or it is not shared with your organisation."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", "The upload is larger than this installation accepts."),
            _ => (Title, Explanation),
        };
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondSource.Web.Pages;

/// <summary>The page people see for an error status or an unhandled exception; never shows internals.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Hosting.RequestBodyLimit limit) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The request could not be completed. Nothing was changed.";

    public string? RequestId { get; private set; }

    // The status comes from the response being re-executed, not from model binding: binding a POST would read its form,
    // and the form of a refused upload is exactly what must not be read again.
    public void OnGet() => Describe(StatusOfRequest());

    public void OnPost() => Describe(StatusOfRequest());

    private int? StatusOfRequest() =>
        HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ? HttpContext.Response.StatusCode
        : int.TryParse(Request.Query["statusCode"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Describe(int? statusCode)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Explanation) = statusCode switch
        {
            400 => ("The request was not accepted", "The form may have expired (open the page again and resend it), or the request was malformed."),
            404 => ("Not found", "There is nothing at this address, or it is not shared with your organisation."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", $"The upload is larger than this installation accepts: at most {(HttpContext.Items[Hosting.RequestTooLargeMiddleware.LimitItem] as Hosting.RequestBodyLimit ?? limit).InWords} at once. Nothing was stored."),
            _ => (Title, Explanation),
        };
    }
}

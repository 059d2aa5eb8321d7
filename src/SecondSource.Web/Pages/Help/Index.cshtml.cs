using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Domain.Planning;

namespace SecondSource.Web.Pages.Help;

/// <summary>
/// What the product's words and figures mean, for anyone signed in: pages link here instead of naming the
/// documentation's files or the command line's options. The thresholds shown are the ones the product applies.
/// </summary>
public sealed class IndexModel : PageModel
{
    public WarmthPolicy Warmth { get; } = new();

    public void OnGet() => ViewData["Section"] = "Help";
}

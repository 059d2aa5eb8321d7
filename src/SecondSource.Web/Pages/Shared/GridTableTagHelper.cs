using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SecondSource.Web.Pages.Shared;

/// <summary>
/// Every data table (<c>&lt;table class="grid"&gt;</c>) sits in its own horizontally scrolling box, so a table wider
/// than a phone — or than a desktop, for the widest statistics — scrolls inside its card instead of widening the page.
/// site.js makes the box focusable when it does scroll, so it can be scrolled from the keyboard.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class GridTableTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("grid", StringComparer.Ordinal))
        {
            return;
        }

        output.PreElement.AppendHtml("<div class=\"scroll-x table-box\">");
        output.PostElement.AppendHtml("</div>");
    }
}

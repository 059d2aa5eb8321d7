using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Lines;

namespace SecondSource.Web.Pages.Lines;

/// <summary>Line profiles: a manufacturer's people see their own lines, the buyer every line.</summary>
public sealed class IndexModel(LineQueries lines, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LineView> Lines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Lines = await lines.ListAsync(ct);
    }
}

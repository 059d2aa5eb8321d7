using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Lines;

namespace SecondSource.Web.Pages.Lines;

/// <summary>Line profiles: a manufacturer's people see their own lines, the buyer every line.</summary>
public sealed class IndexModel(LineQueries lines, LineProfileChangeQueries changes, Hosting.ScopedReadModel readModel, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LineView> Lines { get; private set; } = [];

    public IReadOnlyList<LineProfileChangeView> Changes { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // From the read model (the same entry the program forms read), recomputed after a change.
        Lines = await readModel.GetAsync("lines", lines.ListAsync, ct);
        Changes = await readModel.GetAsync("line-changes|20", c => changes.RecentAsync(20, c), ct);
    }
}

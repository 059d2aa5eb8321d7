using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;

namespace SecondSource.Web.Pages.Products;

/// <summary>One BOM revision through the dual-AVL audit: the summary, then its lines (findings first), optionally of one rule.</summary>
public sealed class RevisionModel(BomRevisionQueries queries) : PageModel
{
    public RevisionAudit? Audit { get; private set; }

    /// <summary>Show only the lines with a finding of this rule id (e.g. single-source-critical).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    public IReadOnlyList<AuditedLine> Lines { get; private set; } = [];

    public string? Message { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Audit = await queries.AuditAsync(id, CriticalityPolicy.Default, ct);
        if (Audit is null)
        {
            return NotFound();
        }

        if (Rule is not null && !BomAuditRules.All.Any(r => r.Id == Rule))
        {
            Message = $"There is no audit rule '{Rule}'; showing every line.";
            Rule = null;
        }

        Lines = Audit.Lines
            .Where(l => Rule is null || l.Findings.Any(f => f.Rule.Id == Rule))
            .OrderByDescending(l => l.Findings.Count > 0).ThenBy(l => l.Line.Row)
            .ToList();
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Boms;
using SecondSource.Web.Authorization;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// One BOM revision through the dual-AVL audit against the library: coverage per manufacturing line, then the BOM
/// lines (findings first), optionally of one rule or about one line; editors can adopt the BOM's unknown sources.
/// </summary>
public sealed class RevisionModel(BomRevisionQueries queries, ReadModelCache cache, IPartyContext partyContext, Application.Avl.AvlQueries avl, CompareBomRevisionsHandler compare) : PageModel
{
    /// <summary>For an editor looking at a draft: what releasing it changes against the current revision (null when there is none yet).</summary>
    public BomRevisionComparison? ReleaseChanges { get; private set; }

    public RevisionAudit? Audit { get; private set; }

    /// <summary>Show only the lines with a finding of this rule id (e.g. single-source-critical).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    /// <summary>Show only the lines with a finding about this manufacturing line.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Line { get; set; }

    public IReadOnlyList<AuditedLine> Lines { get; private set; } = [];

    /// <summary>
    /// The findings of the shown lines, errors first, then warnings, then notes; within a severity by rule in the
    /// audit's order (a critical single source before an AVL mismatch); within a rule by BOM row.
    /// </summary>
    public IReadOnlyList<(AuditRule Rule, IReadOnlyList<(AuditedLine Line, AuditFinding Finding)> Items)> Groups { get; private set; } = [];

    /// <summary>Findings per rule over the whole revision (the filter chips), in the order of <see cref="Groups"/>.</summary>
    public IReadOnlyList<(AuditRule Rule, int Count)> RuleCounts { get; private set; } = [];

    public bool CanEdit => User.IsBuyerEditor();

    /// <summary>Sources the BOM lists that the AVL does not know (offered for adoption as Proposed).</summary>
    public int UnknownSources { get; private set; }

    /// <summary>BOM lines whose approved sources differ from one manufacturing line to another.</summary>
    public int DifferingLines { get; private set; }

    public string? Message { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A confirmation refused (from /Parts/ConfirmManufacturer).</summary>
    [TempData]
    public string? Refusal { get; set; }

    /// <summary>Names the BOM gives as makers that neither the catalogue nor the library recognises, with the first rows giving each.</summary>
    public IReadOnlyList<UnverifiedMaker> Unverified { get; private set; } = [];

    /// <summary>Makers a name can be confirmed as the same as: the catalogue's and the library's (for the editor's list).</summary>
    public IReadOnlyList<string> KnownMakers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Audit = await cache.GetAsync($"bom-audit|{id}|{partyContext.Scope}", c => queries.AuditAsync(id, CriticalityPolicy.Default, c), ct);
        if (Audit is null)
        {
            return NotFound();
        }

        if (CanEdit && Audit.Revision.IsDraft && await queries.CurrentIdAsync(Audit.Revision.ProductId, ct) is { } current
            && await queries.FindProductAsync(Audit.Revision.ProductId.ToString(), ct) is { } product)
        {
            ReleaseChanges = await compare.CompareAsync(product, current, Audit.Revision.Id, ct);
        }

        if (Rule is not null && !BomAuditRules.All.Any(r => r.Id == Rule))
        {
            Message = $"There is no audit rule '{Rule}'; showing every line.";
            Rule = null;
        }

        var lineName = Audit.BuildLines.FirstOrDefault(l => l.Id == Line)?.Name;
        if (Line is not null && lineName is null)
        {
            Message = "That manufacturing line does not build this product; showing every line.";
            Line = null;
        }

        DifferingLines = Audit.BuildLines.Count < 2 ? 0 : Audit.Lines.Count(l => l.Part is { } part
            && Audit.BuildLines.Select(b => string.Join("|", part.Sources.Where(s => s.UsableOn(b)).Select(s => s.EntryId).Order())).Distinct().Count() > 1);
        UnknownSources = Audit.Lines.Where(l => l.Part is not null && !l.Line.Dnp && !l.Line.Generic)
            .Sum(l => l.Line.Sources.Count(s => s.Mpn.Length > 0 && s.ManufacturerKey is not null && l.Part!.Find(s) is null));
        Unverified = UnverifiedMakers.Of(Audit.Lines.Select(l => l.Line)).List();
        if (CanEdit && Unverified.Count > 0)
        {
            KnownMakers = ManufacturerCatalog.CatalogueEntries.Select(e => e.Canonical)
                .Concat((await avl.ManufacturersAsync(ct)).Select(m => m.Name))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        }

        Lines = Audit.Lines
            .Where(l => Rule is null || l.Findings.Any(f => f.Rule.Id == Rule))
            .Where(l => lineName is null || l.Findings.Any(f => f.Lines.Contains(lineName)))
            .OrderByDescending(l => l.Findings.Count > 0).ThenBy(l => l.Line.Row)
            .ToList();
        Groups = Lines
            .SelectMany(l => l.Findings.Where(f => Rule is null || f.Rule.Id == Rule).Where(f => lineName is null || f.Lines.Contains(lineName)).Select(f => (Line: l, Finding: f)))
            .GroupBy(x => x.Finding.Rule)
            .OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.Index)
            .Select(g => (g.Key, (IReadOnlyList<(AuditedLine, AuditFinding)>)g.OrderBy(x => x.Line.Line.Row).ToList()))
            .ToList();
        RuleCounts = BomAuditRules.All
            .Select(r => (Rule: r, Count: Audit.Summary.FindingsPerRule.GetValueOrDefault(r.Id)))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Rule.Severity).ThenBy(x => x.Rule.Index)
            .ToList();
        return Page();
    }
}

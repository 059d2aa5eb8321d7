using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Web.Authorization;
using SecondSource.Web.Hosting;
using SecondSource.Web.Pages.Shared;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// One BOM revision through the dual-AVL audit against the library: coverage per manufacturing line, then the BOM
/// lines (findings first), optionally of one rule or about one line; editors can adopt the BOM's unknown sources.
/// </summary>
public sealed class RevisionModel(BomRevisionQueries queries, ScopedReadModel cache, Application.Avl.AvlQueries avl, CompareBomRevisionsHandler compare) : PageModel
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

    /// <summary>BOM lines shown in the line-by-line table at a time: a 2,000-line revision is read a page at a time.</summary>
    public const int PageSize = 100;

    /// <summary>Findings of one rule listed before the rest fold behind a link to that rule's lines.</summary>
    public const int GroupLimit = 25;

    /// <summary>The page of the line-by-line table (1-based).</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Every line the filters let through (findings first, then by BOM row): what the counts say.</summary>
    public IReadOnlyList<AuditedLine> Lines { get; private set; } = [];

    /// <summary>The lines on this page of the table.</summary>
    public IReadOnlyList<AuditedLine> PageLines { get; private set; } = [];

    public int Pages => Math.Max(1, (Lines.Count + PageSize - 1) / PageSize);

    /// <summary>True when the address names a page of the table (the pager's links do): the table is then shown open.</summary>
    public bool PageAsked => Request.Query.ContainsKey("page");

    /// <summary>True when a rule or a manufacturing line narrows the lines (the findings then follow the table's page).</summary>
    public bool Filtered => Rule is not null || Line is not null;

    /// <summary>
    /// The findings, errors first, then warnings, then notes; within a severity by rule in the audit's order (a critical
    /// single source before an AVL mismatch); within a rule by BOM row. Each group carries its whole count; it lists the
    /// findings of this page's lines when filtered, else its first <see cref="GroupLimit"/>.
    /// </summary>
    public IReadOnlyList<(AuditRule Rule, int Total, IReadOnlyList<(AuditedLine Line, AuditFinding Finding)> Items)> Groups { get; private set; } = [];

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
        Audit = await cache.GetAsync($"bom-audit|{id}", c => queries.AuditAsync(id, CriticalityPolicy.Default, c), ct);
        if (Audit is null)
        {
            return NotFound();
        }

        if (CanEdit && Audit.Revision.IsDraft && await queries.CurrentIdAsync(Audit.Revision.ProductId, ct) is { } current
            && await queries.FindProductAsync(Audit.Revision.ProductId.ToString(), ct) is { } product)
        {
            ReleaseChanges = await compare.CompareAsync(product, current, Audit.Revision.Id, ct);
        }

        // A value the address gives that is not one (a page that is not a number, a line that is not an id) is named.
        Message = ListAddress.Unknown(ModelState);
        if (Rule is not null && !BomAuditRules.All.Any(r => r.Id == Rule))
        {
            Message = $"There is no audit rule '{Rule}'; showing every line.";
            Rule = null;
        }

        if (Line is not null && Audit.BuildLines.All(l => l.Id != Line))
        {
            Message = "That manufacturing line does not build this product; showing every line.";
            Line = null;
        }

        // What the page derives from the audit (a pass over every line of a 2,000-line revision) is kept with it, per
        // filter and page: the same audit, computed once per change, read by every request.
        var audit = Audit;
        var view = await cache.GetAsync($"bom-audit-view|{id}|{Rule}|{Line}|{PageNumber}", _ => Task.FromResult(View(audit, Rule, Line, PageNumber)), ct);
        (DifferingLines, UnknownSources, Unverified, Lines, PageLines, PageNumber, Groups, RuleCounts) = view;
        if (CanEdit && Unverified.Count > 0)
        {
            KnownMakers = ManufacturerCatalog.CatalogueEntries.Select(e => e.Canonical)
                .Concat((await avl.ManufacturersAsync(ct)).Select(m => m.Name))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        }

        return Page();
    }

    private static RevisionView View(RevisionAudit audit, string? rule, Guid? line, int pageNumber)
    {
        var lineName = audit.BuildLines.FirstOrDefault(l => l.Id == line)?.Name;
        var differing = audit.BuildLines.Count < 2 ? 0 : audit.Lines.Count(l => l.Part is { } part
            && audit.BuildLines.Select(b => string.Join("|", part.Sources.Where(s => s.UsableOn(b)).Select(s => s.EntryId).Order())).Distinct().Count() > 1);
        var unknown = audit.Lines.Where(l => l.Part is not null && !l.Line.Dnp && !l.Line.Generic)
            .Sum(l => l.Line.Sources.Count(s => s.Mpn.Length > 0 && s.ManufacturerKey is not null && l.Part!.Find(s) is null));
        var unverified = UnverifiedMakers.Of(audit.Lines.Select(l => l.Line)).List();
        var lines = audit.Lines
            .Where(l => rule is null || l.Findings.Any(f => f.Rule.Id == rule))
            .Where(l => lineName is null || l.Findings.Any(f => f.Lines.Contains(lineName)))
            .OrderByDescending(l => l.Findings.Count > 0).ThenBy(l => l.Line.Row)
            .ToList();
        var page = Math.Clamp(pageNumber, 1, Math.Max(1, (lines.Count + PageSize - 1) / PageSize));
        var pageLines = lines.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var onPage = rule is not null || line is not null ? pageLines.ToHashSet() : null;
        var groups = lines
            .SelectMany(l => l.Findings.Where(f => rule is null || f.Rule.Id == rule).Where(f => lineName is null || f.Lines.Contains(lineName)).Select(f => (Line: l, Finding: f)))
            .GroupBy(x => x.Finding.Rule)
            .OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.Index)
            .Select(g =>
            {
                var ordered = g.OrderBy(x => x.Line.Line.Row);
                var shown = onPage is null ? ordered.Take(GroupLimit) : ordered.Where(x => onPage.Contains(x.Line));
                return (g.Key, g.Count(), (IReadOnlyList<(AuditedLine, AuditFinding)>)shown.ToList());
            })
            .ToList();
        var ruleCounts = BomAuditRules.All
            .Select(r => (Rule: r, Count: audit.Summary.FindingsPerRule.GetValueOrDefault(r.Id)))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Rule.Severity).ThenBy(x => x.Rule.Index)
            .ToList();
        return new RevisionView(differing, unknown, unverified, lines, pageLines, page, groups, ruleCounts);
    }

    private sealed record RevisionView(int DifferingLines, int UnknownSources, IReadOnlyList<UnverifiedMaker> Unverified, IReadOnlyList<AuditedLine> Lines,
        IReadOnlyList<AuditedLine> PageLines, int PageNumber, IReadOnlyList<(AuditRule Rule, int Total, IReadOnlyList<(AuditedLine Line, AuditFinding Finding)> Items)> Groups,
        IReadOnlyList<(AuditRule Rule, int Count)> RuleCounts);

    /// <summary>This revision's address with the current filters, at <paramref name="page"/> of the table.</summary>
    public string Href(int page) => ListAddress.Build($"/Products/Revision?id={Audit!.Revision.Id}",
        ("rule", Rule), ("line", Line?.ToString()), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

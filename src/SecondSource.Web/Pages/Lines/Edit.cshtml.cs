using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Lines;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Lines;

/// <summary>
/// Keeps a line's profile current. A manufacturer's member edits its own lines (another's is not found); the buyer's
/// admins and engineers edit any. Every change is recorded with who and when.
/// </summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class EditModel(LineQueries lines, UpdateLineProfileHandler update) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PassiveSize SmallestPassive { get; set; }

    [BindProperty]
    public decimal FinestBgaPitchMm { get; set; }

    [BindProperty]
    public decimal MaxBoardLengthMm { get; set; }

    [BindProperty]
    public decimal MaxBoardWidthMm { get; set; }

    [BindProperty]
    public int MaxLayers { get; set; }

    [BindProperty]
    public List<TestTypes> Tests { get; set; } = [];

    [BindProperty]
    public List<Processes> Processes { get; set; } = [];

    [BindProperty]
    public int StandingUnitsPerWeek { get; set; }

    [BindProperty]
    public int TestedSurgeUnitsPerWeek { get; set; }

    [BindProperty]
    public DateOnly? SurgeTestedOn { get; set; }

    [BindProperty]
    public string? SurgeEvidence { get; set; }

    [BindProperty]
    public Dictionary<CertificationStandard, DateOnly?> Expiry { get; set; } = [];

    public string LineName { get; private set; } = "";

    public string Manufacturer { get; private set; } = "";

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var line = await lines.FindAsync(Id.ToString(), ct);
        if (line is null)
        {
            return NotFound();
        }

        Show(line);
        var c = line.Capabilities;
        (SmallestPassive, FinestBgaPitchMm, MaxBoardLengthMm, MaxBoardWidthMm, MaxLayers) = (c.SmallestPassive, c.FinestBgaPitchMm, c.LargestBoard.LengthMm, c.LargestBoard.WidthMm, c.MaxLayers);
        Tests = [.. Enum.GetValues<TestTypes>().Where(t => t != TestTypes.None && c.Tests.HasFlag(t))];
        Processes = [.. Enum.GetValues<Processes>().Where(p => p != Domain.Lines.Processes.None && c.Processes.HasFlag(p))];
        (StandingUnitsPerWeek, TestedSurgeUnitsPerWeek, SurgeTestedOn, SurgeEvidence) = (line.Capacity.StandingUnitsPerWeek, line.Capacity.TestedSurgeUnitsPerWeek, line.Capacity.SurgeTestedOn, line.Capacity.SurgeEvidence);
        Expiry = line.Certifications.ToDictionary(x => x.Standard, x => (DateOnly?)x.Expires);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var line = await lines.FindAsync(Id.ToString(), ct);
        if (line is null)
        {
            return NotFound();
        }

        Show(line);
        try
        {
            var capabilities = new LineCapabilities(SmallestPassive, FinestBgaPitchMm, new BoardSize(MaxBoardLengthMm, MaxBoardWidthMm), MaxLayers,
                Tests.Aggregate(TestTypes.None, (a, t) => a | t), Processes.Aggregate(Domain.Lines.Processes.None, (a, p) => a | p));
            var capacity = new LineCapacity(StandingUnitsPerWeek, TestedSurgeUnitsPerWeek, SurgeTestedOn, string.IsNullOrWhiteSpace(SurgeEvidence) ? null : SurgeEvidence.Trim());
            var certifications = Expiry.Where(e => e.Value is not null).Select(e => new Certification(e.Key, e.Value!.Value)).ToList();
            var result = await update.HandleAsync(new UpdateLineProfileRequest(Id, capabilities, capacity, certifications, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }

            TempData["Notice"] = result.Value is { } change ? $"{LineName} is updated: {change.Summary}." : $"Nothing changed on {LineName}.";
            return RedirectToPage("Index");
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            return Page();
        }
    }

    private void Show(LineView line)
    {
        LineName = line.Name;
        Manufacturer = $"{line.Manufacturer}, {line.Site} ({line.Country})";
    }
}

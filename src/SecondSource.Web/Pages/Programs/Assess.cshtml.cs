using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Records the buyer's assessment of a candidate: scored questionnaire, terms, quote and evidence.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class AssessModel(ProgramQueries programs, ProgramReadModel readModel, RecordAssessmentHandler record) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Line { get; set; }

    [BindProperty]
    public int? CommunicationScore { get; set; }

    [BindProperty]
    public int? IpDisciplineScore { get; set; }

    [BindProperty]
    public decimal? MinimumStartingSharePercent { get; set; }

    [BindProperty]
    public decimal? LeadTimeWeeks { get; set; }

    [BindProperty]
    public decimal? QuotedUnitCost { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public string ProgramName { get; private set; } = "";

    public string LineName { get; private set; } = "";

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(fresh: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Load(fresh: true, ct))
        {
            return NotFound();
        }

        try
        {
            var assessment = new CandidateAssessment(CommunicationScore, IpDisciplineScore, MinimumStartingSharePercent, LeadTimeWeeks, QuotedUnitCost);
            var result = await record.HandleAsync(new RecordAssessmentRequest(Id, Line, assessment, Evidence, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is null)
            {
                TempData["Notice"] = $"The assessment of {LineName} is recorded.";
                return RedirectToPage("Details", new { id = Id });
            }

            Message = result.Failure.Message;
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        return Page();
    }

    /// <summary>The program and the line assessed: from the read model to show the form, read fresh to record it.</summary>
    private async Task<bool> Load(bool fresh, CancellationToken ct)
    {
        var program = fresh ? await programs.FindAsync(Id.ToString(), ct) : await readModel.FindAsync(Id, ct);
        var line = program?.Lines.FirstOrDefault(l => l.LineId == Line && l.Role == LineRole.SecondSource);
        if (program is null || line is null)
        {
            return false;
        }

        ProgramName = program.Name;
        LineName = $"{line.LineName} ({line.Manufacturer})";
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// Moves a program's line to another stage (buyer admins and engineers) in two steps: the first post shows what the
/// move does (a suspended line takes no volume, …) and asks to confirm; only the confirmed post moves the line.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class StageModel(ChangeStageHandler change, ProgramQueries programs) : PageModel
{
    public ProgramView? Program { get; private set; }

    public ProgramLineView? Line { get; private set; }

    public LineStage To { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<string> Consequences { get; private set; } = [];

    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lineId, LineStage? to, string? note, bool confirmed, CancellationToken ct)
    {
        try
        {
            if (to is not { } stage)
            {
                throw new DomainException("Choose the stage to move the line to.");
            }

            if (!confirmed)
            {
                Program = await programs.FindAsync(id.ToString(), ct);
                Line = Program?.Lines.FirstOrDefault(l => l.LineId == lineId);
                if (Program is null || Line is null)
                {
                    return NotFound();
                }

                // A move the line does not allow is not confirmed: the change below refuses it with its reason.
                if (Line.AllowedMoves.Contains(stage))
                {
                    (To, Note, Consequences) = (stage, note, ProgramLine.ConsequencesOf(Line.Role, Line.Stage, stage));
                    ViewData["Section"] = "Dashboard";
                    return Page();
                }
            }

            var result = await change.HandleAsync(new ChangeStageRequest(id, lineId, stage, note, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }

            TempData["Notice"] = $"The line is in {Labels.Lower(Labels.Of(stage))} now.";
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
        }

        return RedirectToPage("Details", new { id });
    }
}

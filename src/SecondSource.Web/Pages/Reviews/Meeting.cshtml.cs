using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Records a review's meeting: attendees ("Name, Organisation" a line), decisions, the day (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class MeetingModel(RecordReviewMeetingHandler record) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Pack", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, string? attendees, string? decisions, DateOnly? heldOn, CancellationToken ct)
    {
        if (heldOn is null)
        {
            TempData["Refusal"] = "Give the day the meeting was held.";
            return RedirectToPage("Pack", new { id });
        }

        try
        {
            var result = await record.HandleAsync(new RecordReviewMeetingRequest(id, RecordReviewMeetingHandler.ParseAttendees(attendees), decisions, heldOn.Value, User.Identity?.Name ?? "unknown"), ct);
            return VaultPost.Outcome(this, result, _ => "Meeting recorded.", "Pack", new { id });
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
            return RedirectToPage("Pack", new { id });
        }
    }
}

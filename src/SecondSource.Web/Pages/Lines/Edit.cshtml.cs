using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Lines;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Lines;

/// <summary>
/// Keeps a line's profile current. A manufacturer's member edits its own lines (another's is not found); the buyer's
/// admins and engineers edit any. Every change is recorded with who and when.
/// </summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class EditModel(LineQueries lines, UpdateLineProfileHandler update, Hosting.ScopedReadModel readModel) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LineProfileForm Profile { get; set; } = new();

    public string LineName { get; private set; } = "";

    public string Manufacturer { get; private set; } = "";

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The form shows the line from the read model (the list's entry); the post reads it fresh.
        var line = (await readModel.GetAsync("lines", lines.ListAsync, ct)).SingleOrDefault(l => l.Id == Id);
        if (line is null)
        {
            return NotFound();
        }

        Show(line);
        Profile = LineProfileForm.From(line);
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
            var (capabilities, capacity, certifications) = Profile.ToProfile();
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

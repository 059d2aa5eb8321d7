using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Imports a cross-reference table as Proposed alternates (buyer admins and engineers); a bad row refuses the whole file.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
[RequestSizeLimit(MaxBytes + (1L << 20))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (1L << 20))]
public sealed class CrossReferenceModel(ImportCrossReferenceHandler import) : PageModel
{
    public const long MaxBytes = 20L << 20;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? table, CancellationToken ct)
    {
        if (table is null || table.Length == 0)
        {
            ModelState.AddModelError("table", "Choose the cross-reference file (CSV).");
            return Page();
        }

        if (table.Length > MaxBytes)
        {
            ModelState.AddModelError("table", $"{Path.GetFileName(table.FileName)} is larger than {MaxBytes >> 20} MB.");
            return Page();
        }

        await using var stream = new MemoryStream();
        await table.CopyToAsync(stream, ct);
        stream.Position = 0;
        var result = await import.HandleAsync(new ImportCrossReferenceRequest(Path.GetFileName(table.FileName), stream, User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            ModelState.AddModelError("table", failure.Message);
            return Page();
        }

        TempData["Notice"] = $"{Path.GetFileName(table.FileName)}: {result.Value!.Rows} rows, {result.Value.Proposed} alternates proposed, {result.Value.AlreadyInAvl} already in the AVL.";
        return RedirectToPage("Index");
    }
}

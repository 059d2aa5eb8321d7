using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Imports a BOM revision in two steps: the upload is staged by its SHA-256 and previewed (detected format and
/// columns, the first lines, what the reader noticed); the import happens only when the engineer confirms.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ImportBomModel(BomRevisionQueries queries, ImportStaging staging, PreviewBomFileHandler preview, ImportBomRevisionHandler import) : PageModel
{
    public ProductRef? Product { get; private set; }

    [BindProperty]
    public string Label { get; set; } = "";

    [BindProperty]
    public string? Sha256 { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public BomPreview? Preview { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid product, CancellationToken ct) =>
        await LoadAsync(product, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid product, IFormFile? bom, CancellationToken ct)
    {
        if (!await LoadAsync(product, ct))
        {
            return NotFound();
        }

        if (bom is null || bom.Length == 0)
        {
            Message = "Choose a BOM file (CSV/TSV, XLSX or IPC-2581 XML).";
            return Page();
        }

        await using (var upload = bom.OpenReadStream())
        {
            Sha256 = await staging.StageAsync(upload, ct);
        }

        FileName = Path.GetFileName(bom.FileName);
        return ShowPreview();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid product, CancellationToken ct)
    {
        if (!await LoadAsync(product, ct))
        {
            return NotFound();
        }

        if (Sha256 is null || FileName is null)
        {
            Message = "Upload the BOM file first.";
            return Page();
        }

        FileName = Path.GetFileName(FileName);
        var result = await import.HandleAsync(new ImportBomRevisionRequest(product, Sha256, FileName, Label, new BomReadOptions(), User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            Message = failure.Message;
            return ShowPreview(keepMessage: true);
        }

        TempData["Notice"] = result.Value!.AlreadyImported
            ? $"{FileName} was already imported for this product; nothing changed."
            : $"Imported {FileName} as '{Label.Trim()}': {result.Value.Lines} lines.";
        return Redirect($"/Products/Revision?id={result.Value.RevisionId}");
    }

    private PageResult ShowPreview(bool keepMessage = false)
    {
        var read = preview.Handle(Sha256!, FileName!, new BomReadOptions());
        if (read.Failure is { } failure)
        {
            Message = failure.Message;
            Sha256 = null;
            ModelState.Remove(nameof(Sha256));
            return Page();
        }

        Preview = read.Value;
        if (!keepMessage)
        {
            Message = null;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid product, CancellationToken ct)
    {
        Product = await queries.FindProductAsync(product.ToString(), ct);
        return Product is not null;
    }
}

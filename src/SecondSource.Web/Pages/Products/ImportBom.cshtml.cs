using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Boms;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Imports a BOM revision in two steps: the upload is staged by its SHA-256 and previewed — every column's role with its
/// evidence, confidence and sample values, what each row became, the makers nobody has confirmed, the first lines — and
/// the engineer may change a column's role and read the file again before confirming. The roles chosen are stored with
/// the revision, and a later file with the same columns is read with them.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class ImportBomModel(BomRevisionQueries queries, ImportStaging staging, PreviewBomFileHandler preview, ImportBomRevisionHandler import, Hosting.BomLimits limits) : PageModel
{
    private const string ChoiceLabel = "your choice";
    private static readonly string[] SourceFields = ["manufacturer", "mpn", "manufacturer-mpn"];

    public ProductRef? Product { get; private set; }

    [BindProperty]
    public string Label { get; set; } = "";

    [BindProperty]
    public string? Sha256 { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>The roles chosen so far, in the form a revision stores them (<see cref="BomRevision.SerializeChoices"/>), carried between the preview's steps.</summary>
    [BindProperty]
    public string? Choices { get; set; }

    /// <summary>The role each column's select holds now, by column index.</summary>
    [BindProperty]
    public Dictionary<int, string> Role { get; set; } = [];

    /// <summary>The role each column was shown with, by column index (a select that differs is a new choice).</summary>
    [BindProperty]
    public Dictionary<int, string> Shown { get; set; } = [];

    public BomPreview? Preview { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The roles a column may be given: each source's fields for one more source than the file has, then the rest.</summary>
    public IReadOnlyList<(string Field, string Label)> RoleOptions { get; private set; } = [];

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
        Choices = null;
        ModelState.Remove(nameof(Choices));
        return await ShowPreviewAsync([], ct);
    }

    /// <summary>Reads the staged file again with the roles chosen in the preview.</summary>
    public async Task<IActionResult> OnPostRereadAsync(Guid product, CancellationToken ct) =>
        await StagedFileAsync(product, ct) ?? await ShowPreviewAsync(MergedChoices(), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid product, CancellationToken ct)
    {
        if (await StagedFileAsync(product, ct) is { } early)
        {
            return early;
        }

        var choices = MergedChoices();
        var result = await import.HandleAsync(new ImportBomRevisionRequest(product, Sha256!, FileName!, Label, Options(choices), User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            Message = failure.Message;
            return await ShowPreviewAsync(choices, ct, keepMessage: true);
        }

        TempData["Notice"] = result.Value!.AlreadyImported
            ? $"{FileName} was already imported for this product; nothing changed."
            : $"Imported {FileName} as '{Label.Trim()}': {result.Value.Lines} lines, a draft. Review it below and release it when it should drive the program.";
        return Redirect($"/Products/Revision?id={result.Value.RevisionId}");
    }

    /// <summary>The select's label for a field: the reader's own words for the role, capitalised ("Manufacturer part number (source 2)").</summary>
    public static string FieldLabel(string field)
    {
        if (!ColumnRoles.TryParse(field, out var role, out var source))
        {
            return field;
        }

        var words = role == ColumnRole.Ignored ? "ignore (not read)" : ColumnRoles.Describe(role, source);
        return string.Concat(words[..1].ToUpperInvariant(), words[1..]);
    }

    private BomReadOptions Options(List<KeyValuePair<string, string>> choices) => limits.Apply(new BomReadOptions { Map = choices, MapLabel = ChoiceLabel });

    // The earlier choices, then the columns whose select now differs from what was shown (a later choice for a column wins).
    private List<KeyValuePair<string, string>> MergedChoices()
    {
        var choices = ParseChoices(Choices);
        foreach (var (index, role) in Role.OrderBy(r => r.Key))
        {
            if (index < 0 || string.IsNullOrWhiteSpace(role) || (Shown.TryGetValue(index, out var shown) && string.Equals(shown, role, StringComparison.Ordinal)))
            {
                continue;
            }

            var column = $"#{(index + 1).ToString(CultureInfo.InvariantCulture)}";
            choices.RemoveAll(c => c.Value == column);
            choices.Add(new(role.Trim(), column));
        }

        return choices;
    }

    private static List<KeyValuePair<string, string>> ParseChoices(string? json) => [.. BomRevision.ParseChoices(json)];

    private async Task<PageResult> ShowPreviewAsync(List<KeyValuePair<string, string>> choices, CancellationToken ct, bool keepMessage = false)
    {
        var read = await preview.HandleAsync(Sha256!, FileName!, Options(choices), ct);
        if (read.Failure is { } failure)
        {
            // A choice that cannot be applied is explained and the file shown as the reader (or the earlier choices) read it.
            if (choices.Count > 0 && ParseChoices(Choices) is var earlier && !earlier.SequenceEqual(choices))
            {
                var shown = await ShowPreviewAsync(earlier, ct);
                Message = failure.Message;
                return shown;
            }

            Message = failure.Message;
            Sha256 = null;
            ModelState.Remove(nameof(Sha256));
            return Page();
        }

        var shownPreview = read.Value!;
        Preview = shownPreview;
        Choices = shownPreview.Choices.Choices.Count == 0 ? null : BomRevision.SerializeChoices(shownPreview.Choices.Choices);
        ModelState.Remove(nameof(Choices));
        ModelState.Remove(nameof(Role));
        ModelState.Remove(nameof(Shown));
        Role = [];
        Shown = [];
        var sources = shownPreview.Source.ColumnRoles.Select(c => c.Source ?? 1).DefaultIfEmpty(1).Max();
        RoleOptions = Enumerable.Range(1, Math.Min(9, sources + 1))
            .SelectMany(n => SourceFields.Select(f => n == 1 ? f : $"{f}:{n.ToString(CultureInfo.InvariantCulture)}"))
            .Prepend("quantity").Prepend("refdes")
            .Concat(ColumnRoles.Fields.Where(f => f is not ("refdes" or "quantity" or "manufacturer" or "mpn" or "manufacturer-mpn")))
            .Select(f => (f, FieldLabel(f))).ToList();
        if (!keepMessage)
        {
            Message = null;
        }

        return Page();
    }

    // The product and the staged file a preview step works on; a result when there is nothing to work on.
    private async Task<IActionResult?> StagedFileAsync(Guid product, CancellationToken ct)
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
        return null;
    }

    private async Task<bool> LoadAsync(Guid product, CancellationToken ct)
    {
        Product = await queries.FindProductAsync(product.ToString(), ct);
        return Product is not null;
    }
}

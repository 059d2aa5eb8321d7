using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;
using SecondSource.Formats.Boms;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>Adds a product and what it needs from a line; chip size and BGA pitch can be read from a BOM.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class NewModel(CreateProductHandler create, DeriveRequirementsHandler derive) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public PassiveSize? SmallestPassive { get; set; }

    [BindProperty]
    public decimal? FinestBgaPitchMm { get; set; }

    [BindProperty]
    public decimal? BoardLengthMm { get; set; }

    [BindProperty]
    public decimal? BoardWidthMm { get; set; }

    [BindProperty]
    public int? Layers { get; set; }

    [BindProperty]
    public List<TestTypes> Tests { get; set; } = [];

    [BindProperty]
    public List<Processes> Processes { get; set; } = [];

    [BindProperty]
    public List<CertificationStandard> Certifications { get; set; } = [];

    public string? Message { get; private set; }

    public string? Derived { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await create.HandleAsync(new CreateProductRequest(Name, Code, Requirements()), ct);
            if (result.Failure is { } failure)
            {
                Message = failure.Message;
                return Page();
            }

            TempData["Notice"] = $"{result.Value!.Name} was added. Start a program for it from the dashboard.";
            return RedirectToPage("Index");
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            return Page();
        }
    }

    public IActionResult OnPostDerive(IFormFile? bom)
    {
        if (bom is null || bom.Length == 0)
        {
            Message = "Choose a BOM file to read.";
            return Page();
        }

        try
        {
            using var buffer = new MemoryStream();
            bom.CopyTo(buffer);
            var derived = derive.Handle(Path.GetFileName(bom.FileName), buffer, Requirements());
            SmallestPassive = derived.SmallestPassive;
            FinestBgaPitchMm = derived.FinestBgaPitchMm;
            Derived = $"Read {Path.GetFileName(bom.FileName)}: smallest chip {SmallestPassive?.ToString()["Size".Length..] ?? "not named"}, finest BGA pitch {(FinestBgaPitchMm is { } p ? $"{p:0.##} mm" : "not named")}.";
            ModelState.Clear();
        }
        catch (Exception ex) when (ex is BomFileException or DomainException)
        {
            Message = ex.Message;
        }

        return Page();
    }

    private ProductRequirements Requirements() => new()
    {
        SmallestPassive = SmallestPassive,
        FinestBgaPitchMm = FinestBgaPitchMm,
        Board = BoardLengthMm is { } l && BoardWidthMm is { } w ? new BoardSize(l, w) : null,
        Layers = Layers is { } layers ? Domain.Programs.Requirements.Layers(layers) : null,
        Tests = Tests.Aggregate(TestTypes.None, (a, t) => a | t),
        Processes = Processes.Aggregate(Domain.Lines.Processes.None, (a, p) => a | p),
        Certifications = Certifications.ToHashSet(),
    };
}

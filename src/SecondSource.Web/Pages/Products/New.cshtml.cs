using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
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
    public RequirementsForm Needs { get; set; } = new();

    public string? Message { get; private set; }

    public string? Derived { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await create.HandleAsync(new CreateProductRequest(Name, Code, Needs.ToRequirements()), ct);
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
            var derived = derive.Handle(Path.GetFileName(bom.FileName), buffer, Needs.ToRequirements());
            Needs.SmallestPassive = derived.SmallestPassive;
            Needs.FinestBgaPitchMm = derived.FinestBgaPitchMm;
            Derived = $"Read {Path.GetFileName(bom.FileName)}: smallest chip {Needs.SmallestPassive?.ToString()["Size".Length..] ?? "not named"}, finest BGA pitch {(Needs.FinestBgaPitchMm is { } p ? $"{p:0.##} mm" : "not named")}.";
            ModelState.Clear();
        }
        catch (Exception ex) when (ex is BomFileException or DomainException)
        {
            Message = ex.Message;
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Lines;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Starts a program: a product, its primary line, the full demand a second line must be able to take over.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class NewModel(ProductQueries products, ProgramReadModel readModel, StartProgramHandler start) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public Guid ProductId { get; set; }

    [BindProperty]
    public Guid PrimaryLineId { get; set; }

    [BindProperty]
    public int FullDemandUnitsPerWeek { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyList<ProductView> Products { get; private set; } = [];

    public IReadOnlyList<LineView> Lines { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await start.HandleAsync(new StartProgramRequest(ProductId, Name, FullDemandUnitsPerWeek, PrimaryLineId, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is null)
            {
                TempData["Notice"] = "The program is started. Add the candidate second sources below.";
                return RedirectToPage("Details", new { id = result.Value!.Id });
            }

            Message = result.Failure.Message;
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Products = await products.ListAsync(ct);
        Lines = await readModel.LinesAsync(ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Products;

/// <summary>Changes what a product needs from a line; the program pages re-rank their candidates against it.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class EditModel(ProductQueries products, UpdateProductRequirementsHandler update) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RequirementsForm Needs { get; set; } = new();

    public string ProductName { get; private set; } = "";

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var product = (await products.ListAsync(ct)).SingleOrDefault(p => p.Id == Id);
        if (product is null)
        {
            return NotFound();
        }

        ProductName = product.Name;
        Needs = RequirementsForm.From(product.Requirements);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var product = (await products.ListAsync(ct)).SingleOrDefault(p => p.Id == Id);
        if (product is null)
        {
            return NotFound();
        }

        ProductName = product.Name;
        try
        {
            await update.HandleAsync(new UpdateProductRequirementsRequest(Id, Needs.ToRequirements()), ct);
            TempData["Notice"] = $"The requirements of {product.Name} are saved.";
            return RedirectToPage("Index");
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            return Page();
        }
    }
}

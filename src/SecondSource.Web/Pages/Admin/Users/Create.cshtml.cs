using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Web.Pages.Admin.Users;

/// <summary>Adds a buyer person (with a role) or a manufacturer's member.</summary>
public sealed class CreateModel(PartyQueries parties, AddUserHandler addUser) : PageModel
{
    private const string BuyerPrefix = "buyer:";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>"buyer:Role" or a manufacturer's party id.</summary>
    [BindProperty]
    public string Membership { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string BuyerName { get; private set; } = "";

    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AddUserRequest request;
        try
        {
            request = Membership.StartsWith(BuyerPrefix, StringComparison.Ordinal)
                ? new AddUserRequest(Email, DisplayName, Roles.Parse(Membership[BuyerPrefix.Length..]), Password)
                : PartyId.TryParse(Membership, out var manufacturer)
                    ? new AddUserRequest(Email, DisplayName, Role.Member, Password, manufacturer)
                    : throw new DomainException("Choose an organisation and role.");
            var result = await addUser.HandleAsync(request, ct);
            if (result.Failure is { } failure)
            {
                Message = failure.Message;
            }
            else
            {
                TempData["Notice"] = $"{result.Value!.Email} was added to {result.Value.PartyName} as {result.Value.Role}.";
                return RedirectToPage("Index");
            }
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        Password = "";
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var all = await parties.ListAsync(ct);
        BuyerName = all.FirstOrDefault(p => p.Kind == PartyKind.Buyer)?.Name ?? "Buyer";
        Manufacturers = all.Where(p => p.Kind == PartyKind.Manufacturer).ToList();
    }
}

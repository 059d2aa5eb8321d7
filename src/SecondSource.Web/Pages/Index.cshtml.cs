using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages;

/// <summary>The dashboard: programs (none until the programs feature exists) and the installation's set-up state.</summary>
public sealed class IndexModel(PartyQueries parties) : PageModel
{
    public bool IsBuyer { get; private set; }

    public bool IsAdmin { get; private set; }

    public string PartyName { get; private set; } = "";

    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsBuyer = User.IsBuyer();
        IsAdmin = User.IsBuyerAdmin();
        PartyName = User.FindFirstValue(SecondSourceClaims.PartyName) ?? "";
        Manufacturers = (await parties.ListAsync(ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList();
    }
}

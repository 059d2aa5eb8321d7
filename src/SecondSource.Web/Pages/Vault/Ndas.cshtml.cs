using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Application.Vault;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>
/// The NDAs with each manufacturer: scope, signed, expiry, the signed document; recording a new one (admins and engineers).
/// A manufacturer sees its own NDAs only (the party filter): what binds it, and the document it signed.
/// </summary>
public sealed class NdasModel(VaultAccessQueries queries, PartyQueries parties) : PageModel
{
    public IReadOnlyList<NdaView> Ndas { get; private set; } = [];

    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ndas = await queries.NdasAsync(ct);
        Manufacturers = User.IsBuyerEditor() ? (await parties.ListAsync(ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList() : [];
    }
}

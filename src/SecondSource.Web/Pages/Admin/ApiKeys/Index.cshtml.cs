using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Domain.Common;

namespace SecondSource.Web.Pages.Admin.ApiKeys;

/// <summary>
/// Creates and revokes machine keys. A new key is rendered in the POST response itself (not redirected), so the
/// secret never travels in a cookie or a URL, and the response is not cached.
/// </summary>
public sealed class IndexModel(ApiKeyQueries keys, AdminReadModel admin, CreateApiKeyHandler create, RevokeApiKeyHandler revoke) : PageModel
{
    [BindProperty]
    public string PartyId { get; set; } = "";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Message { get; private set; }

    public CreatedApiKey? Created { get; private set; }

    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    public IReadOnlyList<PartyView> Parties { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            if (!Domain.Parties.PartyId.TryParse(PartyId, out var party))
            {
                throw new DomainException("Choose the organisation the key acts for.");
            }

            var expires = ExpiresOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
            var result = await create.HandleAsync(new CreateApiKeyRequest(party, Name, User.Identity?.Name ?? "admin", expires), ct);
            if (result.Failure is { } failure)
            {
                Message = failure.Message;
            }
            else
            {
                Created = result.Value;
                Name = "";
                Response.Headers.CacheControl = "no-store";
            }
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        await Load(ct);
        return Page();
    }

    /// <summary>Set on the first post of a revocation: what revoking does, to confirm.</summary>
    public Shared.Confirmation? Confirmation { get; private set; }

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, bool confirmed, CancellationToken ct)
    {
        if (!confirmed && (await keys.ListAsync(ct)).FirstOrDefault(k => k.Id.ToString() == keyId.ToString()) is { RevokedAt: null } key)
        {
            Confirmation = new Shared.Confirmation(
                $"Revoke the key '{key.Name}' of {key.PartyName}?",
                [$"Every machine using the key {key.Prefix}… is refused from its next request; test results it would send are not received.",
                 "A revoked key cannot be used again; create a new key for the station and install it there.",
                 "The revocation is recorded with your name."],
                "/Admin/ApiKeys?handler=Revoke", new Dictionary<string, string?> { ["keyId"] = keyId.ToString() },
                "Revoke the key", "/Admin/ApiKeys");
            return Page();
        }

        var result = await revoke.HandleAsync(new RevokeApiKeyRequest(keyId.ToString(), User.Identity?.Name ?? "admin"), ct);
        if (result.Failure is { } failure)
        {
            Message = failure.Message;
            await Load(ct);
            return Page();
        }

        Notice = $"The key '{result.Value!.Name}' is revoked; it stops working at its next request.";
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct)
    {
        Keys = await admin.ApiKeysAsync(ct);
        Parties = await admin.PartiesAsync(ct);
    }
}

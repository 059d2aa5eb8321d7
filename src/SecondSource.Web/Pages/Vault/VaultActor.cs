using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Who is acting on the vault, as the access log records it: the signed-in person, their party, the client address.</summary>
public static class VaultActor
{
    public static Actor Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new Actor(http.User.Identity?.Name ?? "unknown", http.User.FindFirst(SecondSourceClaims.PartyName)?.Value ?? "unknown", http.Connection.RemoteIpAddress?.ToString());
    }
}

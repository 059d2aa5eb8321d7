using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Who is acting on the vault, as the access log records it: the signed-in person (or API key), their party, the client address.</summary>
public static class VaultActor
{
    public static Actor Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var name = http.User.Identity?.Name ?? "unknown";
        if (http.User.IsInRole(SecondSourceClaims.MachineRole))
        {
            name = $"api-key:{name}";
        }

        return new Actor(name, http.User.FindFirst(SecondSourceClaims.PartyName)?.Value ?? "unknown", http.Connection.RemoteIpAddress?.ToString());
    }
}

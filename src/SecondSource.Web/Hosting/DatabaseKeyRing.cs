using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>
/// The Data Protection key ring in the database (<see cref="StoredXmlKey"/>): every web instance on the same database
/// reads the same keys, so a sign-in cookie, an antiforgery token or a download link made by one instance is accepted by
/// the others, and sessions survive a restart. Data Protection caches the ring and reads it again when a key nears its
/// expiry, so this is read rarely. The rows are key material: whoever reads the database can forge sessions, which is
/// why the database's own access is the boundary (docs/deployment.md).
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        // The ring belongs to no party; read before anyone is known (the sign-in page's antiforgery token).
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        db.DataProtectionKeys.Add(new StoredXmlKey(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow()));
        db.SaveChanges();
    }
}

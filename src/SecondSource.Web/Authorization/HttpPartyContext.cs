using SecondSource.Application.Persistence;

namespace SecondSource.Web.Authorization;

/// <summary>The party scope of the current request, from its authenticated principal.</summary>
public sealed class HttpPartyContext(IHttpContextAccessor accessor) : PartyContextBase
{
    protected override PartyScope ResolveCaller() => SecondSourceClaims.ScopeOf(accessor.HttpContext?.User);
}

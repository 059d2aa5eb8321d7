using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Api;

/// <summary>Who am I: lets a station or CI job check its key and see which party it acts for.</summary>
public static class MeApi
{
    public sealed record PartyRef(string Id, string Name, string Kind);

    public sealed record MeResponse(string KeyId, string KeyName, PartyRef Party);

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Machine).WithTags("Identity");
        api.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The API key in use and the party it acts for");
        return app;
    }

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.FindFirstValue(SecondSourceClaims.ApiKeyId) ?? "",
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        new PartyRef(
            user.FindFirstValue(SecondSourceClaims.PartyId) ?? "",
            user.FindFirstValue(SecondSourceClaims.PartyName) ?? "",
            user.FindFirstValue(SecondSourceClaims.PartyKind) ?? "")));
}

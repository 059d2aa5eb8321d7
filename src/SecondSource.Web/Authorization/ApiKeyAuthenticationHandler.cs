using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SecondSource.Application.Parties;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Vault;
using SecondSource.Domain.Provisioning;
using SecondSource.Web.Api;

namespace SecondSource.Web.Authorization;

/// <summary>
/// Authenticates machines by the <c>X-Api-Key</c> header. A key in the query string is never read (it would
/// end up in logs). Failures answer 401 with a ProblemDetails body and say nothing about which part was wrong.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiKeyHandler authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1)
        {
            return AuthenticateResult.Fail("More than one API key was sent.");
        }

        var identity = await authenticate.HandleAsync(values[0], Context.RequestAborted);
        if (identity is null)
        {
            Logger.LogWarning("Refused an API key from {RemoteIp}: unknown, revoked or expired.", Context.Connection.RemoteIpAddress);
            if (Request.Path.StartsWithSegments(ProvisioningApi.Prefix))
            {
                // A certificate request with a dead key is a refusal the buyer must be able to see in the log.
                // Only a key SecondSource issued (revoked or expired) is logged there: random keys from anyone would
                // otherwise let an anonymous caller grow the tamper-evident log at will. They stay in the app log.
                var (known, reason) = await authenticate.ExplainRefusalAsync(values[0], Context.RequestAborted);
                if (known)
                {
                    await Context.RequestServices.GetRequiredService<IssueDeviceCertificateHandler>().RefuseEarlyAsync(IssuanceRefusal.RevokedApiKey,
                        reason, new Actor("api-key", "(not authenticated)", Context.Connection.RemoteIpAddress?.ToString()), Request.Path.Value, Context.RequestAborted);
                }
            }

            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var claims = new List<Claim>
        {
            new Claim(ClaimTypes.NameIdentifier, identity.KeyId.ToString()),
            new Claim(ClaimTypes.Name, identity.KeyName),
            new Claim(ClaimTypes.Role, SecondSourceClaims.MachineRole),
            new Claim(SecondSourceClaims.ApiKeyId, identity.KeyId.ToString()),
            new Claim(SecondSourceClaims.PartyId, identity.PartyId.ToString()),
            new Claim(SecondSourceClaims.PartyKind, identity.PartyKind.ToString()),
            new Claim(SecondSourceClaims.PartyName, identity.PartyName),
        };
        if (identity.LineId is { } line)
        {
            claims.Add(new Claim(SecondSourceClaims.LineId, line.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "An API key is required",
            detail: $"Send a valid key in the {HeaderName} header. Keys are created by the buyer's administrator.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that").ExecuteAsync(Context);
    }
}

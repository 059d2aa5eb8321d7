using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Vault;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Provisioning;
using SecondSource.Formats.Provisioning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Api;

/// <summary>
/// Device certificates for line stations and the public PKI material. A station posts a unit's serial and CSR with an
/// API key bound to its line; the answer is the certificate (201) or a problem naming the refusal (403 wrong line,
/// 409 serial or allocation, 422 request, 429 rate limit with Retry-After). Every outcome is in the tamper-evident log.
/// The CA certificate and its CRL are public by design: relying parties fetch them without credentials.
/// </summary>
public static class ProvisioningApi
{
    public const string Prefix = "/api/v1/provisioning";
    public const string IssuancePolicy = "certificate-issuance";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> LastRateLimitLogged = new(StringComparer.Ordinal);

    public sealed record CertificateRequestBody(string? Serial, string? Csr, string? FirmwareVersion);

    public sealed record CertificateResponse(Guid Id, string Serial, string CertificateSerial, string Subject, DateTimeOffset NotAfter, string Batch, string CertificatePem, string IssuerPem, string? Warning);

    public sealed record FirmwareReleaseResponse(Guid Id, string Product, string Version, Guid RevisionId, string FileName, string ImageSha256, string ImageUrl, string SignatureBase64,
        string SignatureFormat, string KeyFingerprint, string PublicKeyPem);

    /// <summary>The per-key rate limit on certificate requests (fixed window of a minute), refusals logged.</summary>
    public static IServiceCollection AddCertificateRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(IssuancePolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<ProvisioningOptions>().IssuancePermitsPerMinute;
                var key = http.User.FindFirstValue(SecondSourceClaims.ApiKeyId) ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (!http.Request.Path.StartsWithSegments(Prefix + "/lines", StringComparison.OrdinalIgnoreCase))
                {
                    await Hosting.RequestRateLimits.RejectAsync(context, ct);
                    return;
                }

                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // One log entry per key and window: a flooding station must not flood the tamper-evident log too.
                var partition = http.User.FindFirstValue(SecondSourceClaims.ApiKeyId) ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!LastRateLimitLogged.TryGetValue(partition, out var last) || now - last >= TimeSpan.FromMinutes(1))
                {
                    LastRateLimitLogged[partition] = now;
                    await http.RequestServices.GetRequiredService<IssueDeviceCertificateHandler>().RefuseEarlyAsync(IssuanceRefusal.RateLimited,
                        $"over {http.RequestServices.GetRequiredService<ProvisioningOptions>().IssuancePermitsPerMinute} certificate requests a minute (further refusals in this minute are not logged)",
                        VaultActor.Of(http), http.Request.Path.Value, ct);
                }

                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many certificate requests",
                    detail: $"Wait {http.Response.Headers.RetryAfter} s and send again.", extensions: new Dictionary<string, object?> { ["refusal"] = nameof(IssuanceRefusal.RateLimited) }).ExecuteAsync(http);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapProvisioningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Provisioning");
        api.MapPost("/lines/{line:guid}/certificates", Issue).WithName("IssueDeviceCertificate").ProducesProblems(400, 403, 404, 409, 422)
            .WithSummary("Issue a device certificate for a unit: { serial, csr (PEM), firmwareVersion? }, with an API key bound to the line")
            .RequireAuthorization(Policies.Machine).RequireRateLimiting(IssuancePolicy);
        api.MapGet("/cas/{id:guid}/crl", Crl).WithName("GetDeviceCaCrl").ProducesProblems(404).Produces<byte[]>(StatusCodes.Status200OK, "application/pkix-crl").WithSummary("The device CA's latest certificate revocation list (DER)").AllowAnonymous();
        api.MapGet("/cas/{id:guid}/certificate", CaCertificate).WithName("GetDeviceCaCertificate").ProducesProblems(404).Produces<byte[]>(StatusCodes.Status200OK, "application/pkix-cert").WithSummary("The device CA's certificate (DER), the devices' trust anchor").AllowAnonymous();
        app.MapGroup("/api/v1/firmware").WithTags("Provisioning").RequireAuthorization(Policies.Machine)
            .MapGet("/releases", Releases).WithName("ListFirmwareReleases").WithSummary("Signed firmware releases this key's line is granted, with the detached signature and the key to check it");
        return app;
    }

    private static async Task<Results<Created<CertificateResponse>, ProblemHttpResult>> Issue(Guid line, CertificateRequestBody body, HttpContext http, IssueDeviceCertificateHandler issue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var user = http.User;
        var caller = new CertificateCaller(VaultActor.Of(http),
            Guid.TryParse(user.FindFirstValue(SecondSourceClaims.ApiKeyId), out var keyId) ? keyId : Guid.Empty,
            Guid.TryParse(user.FindFirstValue(SecondSourceClaims.PartyId), out var party) ? new PartyId(party) : null,
            Guid.TryParse(user.FindFirstValue(SecondSourceClaims.LineId), out var bound) ? bound : null);
        var csr = Encoding.UTF8.GetBytes(body.Csr ?? "");
        var outcome = await issue.HandleAsync(new IssueDeviceCertificateRequest(line, body.Serial ?? "", csr.Length > CsrReader.MaxBytes ? csr[..(CsrReader.MaxBytes + 1)] : csr, body.FirmwareVersion, caller), ct);
        if (outcome.Certificate is { } c)
        {
            return TypedResults.Created($"{Prefix}/certificates/{c.Id}", new CertificateResponse(c.Id, c.Serial, c.CertificateSerial, c.Subject, c.NotAfter, c.BatchName, c.CertificatePem, c.IssuerPem, c.FirmwareWarning));
        }

        var status = outcome.Refusal switch
        {
            IssuanceRefusal.WrongLine => StatusCodes.Status403Forbidden,
            IssuanceRefusal.DuplicateSerial or IssuanceRefusal.UnallocatedSerial or IssuanceRefusal.AllocationUsedUp or IssuanceRefusal.NoProfile => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return TypedResults.Problem(statusCode: status, title: "No certificate was issued", detail: outcome.Reason,
            extensions: new Dictionary<string, object?> { ["refusal"] = outcome.Refusal.ToString() });
    }

    private static async Task<IResult> Crl(Guid id, ProvisioningQueries queries, CancellationToken ct) =>
        await queries.PublicCaMaterialAsync(id, ct) is { Crl: { } crl } ? TypedResults.File(crl, "application/pkix-crl", "device-ca.crl")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no published CRL for this CA");

    private static async Task<IResult> CaCertificate(Guid id, ProvisioningQueries queries, CancellationToken ct) =>
        await queries.PublicCaMaterialAsync(id, ct) is { Certificate: { } certificate } ? TypedResults.File(certificate, "application/pkix-cert", "device-ca.cer")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such device CA");

    private static async Task<Ok<List<FirmwareReleaseResponse>>> Releases(HttpContext http, ProvisioningQueries queries, VaultAccessGate gate, CancellationToken ct)
    {
        var line = Guid.TryParse(http.User.FindFirstValue(SecondSourceClaims.LineId), out var bound) ? bound : (Guid?)null;
        var releases = gate.IsGated ? await queries.GrantedReleasesAsync(line, ct) : await queries.SignedReleasesAsync(ct);
        return TypedResults.Ok(releases.Select(r => new FirmwareReleaseResponse(r.ReleaseId, r.Product, r.Version, r.RevisionId, r.FileName, r.ImageSha256,
            $"/api/v1/vault/revisions/{r.RevisionId}/content", r.SignatureBase64, "ECDSA over SHA-256 of the image, DER (openssl dgst -sha256 -verify key.pem -signature image.sig image.bin)",
            r.KeyFingerprint, r.PublicKeyPem)).ToList());
    }
}

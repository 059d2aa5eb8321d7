using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Api;

/// <summary>
/// The vault for stations and scripts, with an API key: the buyer's key uploads revisions and reads every package; a
/// manufacturer's key lists and downloads what is granted to its lines now (anything else is 404 and logged). Bodies
/// stream in and out; an upload over the limit is refused with 413 before it is stored.
/// </summary>
public static class VaultApi
{
    public sealed record RevisionItem(string Kind, string Title, Guid RevisionId, int Number, string FileName, long Size, string Sha256, DateTimeOffset UploadedAt, string? ChangeNote, string? Line);

    public sealed record UploadResponse(Guid ArtifactId, Guid RevisionId, int Number, string Sha256, long Size);

    public static IEndpointRouteBuilder MapVaultApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/vault").RequireAuthorization(Policies.Machine).WithTags("Vault");
        api.MapGet("/products/{product}/package", GetPackage).WithName("GetVaultPackage").ProducesProblems(404)
            .WithSummary("The product's package: every revision for the buyer's key; for a manufacturer's key, what its lines may fetch now");
        api.MapGet("/revisions/{id:guid}/content", Download).WithName("DownloadRevision").ProducesProblems(404).Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .WithSummary("Streams a revision (logged); 404 when the key's party may not reach it");
        api.MapPost("/products/{product}/artifacts/{kind}", Upload).WithName("UploadRevision").ProducesProblems(400, 404, 413, 422).Produces<UploadResponse>(StatusCodes.Status201Created)
            .WithSummary("The buyer's key adds a revision: raw body, ?fileName= required, ?note= optional; 413 over the size limit")
            .WithMetadata(new RequestSizeLimitAttribute(VaultStore.MaxFileBytes))
            .RequireAuthorization(Policies.BuyerMachine);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<RevisionItem>>, ProblemHttpResult>> GetPackage(string product, HttpContext http, BomRevisionQueries products, VaultQueries vault, ViewGrantedPackageHandler granted, VaultAccessGate gate,
        Hosting.ScopedReadModel readModel, CancellationToken ct)
    {
        var found = await products.FindProductAsync(product, ct);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such product for this key", detail: $"No product with the code or id '{product}' is visible to this key.");
        }

        if (gate.IsGated)
        {
            // What is granted comes from the read model (as on the package page); every view is still logged. The download
            // decides access afresh.
            var lines = await readModel.GetAsync($"granted-lines|{found.Id}", c => granted.ListAsync(found.Id, c), ct);
            await granted.RecordViewAsync(found.Id, VaultActor.Of(http), lines, ct);
            return TypedResults.Ok<IReadOnlyList<RevisionItem>>(lines.SelectMany(l => l.Items.Select(i =>
                new RevisionItem(i.Kind.ToString(), i.Title, i.RevisionId, i.Number, i.FileName, i.Size, i.Sha256, i.UploadedAt, i.ChangeNote, l.Line))).ToList());
        }

        var package = await vault.PackageAsync(found.Id, ct);
        return TypedResults.Ok<IReadOnlyList<RevisionItem>>(package.SelectMany(item => item.Revisions.Select(r =>
            new RevisionItem(item.Kind.ToString(), item.Name, r.Id, r.Number, r.FileName, r.Size, r.Sha256, r.UploadedAt, r.ChangeNote, null))).ToList());
    }

    private static async Task<IResult> Download(Guid id, HttpContext http, OpenArtifactRevisionHandler open, CancellationToken ct)
    {
        var result = await open.HandleAsync(new OpenArtifactRevisionRequest(id, VaultActor.Of(http)), ct);
        if (result.Failure is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such revision you can reach");
        }

        http.Response.Headers["X-Content-SHA256"] = result.Value!.Sha256;
        return TypedResults.Stream(result.Value.Content, "application/octet-stream", result.Value.FileName);
    }

    private static async Task<IResult> Upload(string product, string kind, [FromQuery] string? fileName, [FromQuery] string? note, HttpContext http,
        BomRevisionQueries products, VaultStore store, UploadArtifactRevisionHandler upload, CancellationToken ct)
    {
        if (http.Request.ContentLength > VaultStore.MaxFileBytes)
        {
            return TooLarge();
        }

        if (!Enum.TryParse<ArtifactKind>(kind, ignoreCase: true, out var artifactKind) || !Enum.IsDefined(artifactKind) || int.TryParse(kind, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown artifact kind",
                detail: $"'{kind}' is not one of {string.Join(", ", ArtifactKinds.Checklist)}.");
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "fileName is required", detail: "Pass the file's name as ?fileName=; it is kept as a label, never used as a path.");
        }

        var found = await products.FindProductAsync(product, ct);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no product '{product}'");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = VaultStore.MaxFileBytes;
        }

        StoredFile file;
        try
        {
            await using var body = new LimitedReadStream(http.Request.Body, VaultStore.MaxFileBytes);
            file = await store.StoreFileAsync(body, fileName, http.Request.ContentType, ct);
        }
        catch (Exception ex) when (ex is LimitedReadStream.TooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge();
        }
        catch (DomainException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The revision was not added", detail: ex.Message);
        }

        var result = await upload.HandleAsync(new UploadArtifactRevisionRequest(found.Id, artifactKind, file, note, VaultActor.Of(http)), ct);
        return result.Failure is { } failure
            ? TypedResults.Problem(statusCode: failure.Kind == FailureKind.NotFound ? 404 : 422, title: "The revision was not added", detail: failure.Message)
            : TypedResults.Created($"/api/v1/vault/revisions/{result.Value!.RevisionId}/content", new UploadResponse(result.Value.ArtifactId, result.Value.RevisionId, result.Value.Number, file.Sha256, file.Size));
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
        detail: $"The vault takes files up to {VaultStore.MaxFileBytes >> 20} MiB.");
}

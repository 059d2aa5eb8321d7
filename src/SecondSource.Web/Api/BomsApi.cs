using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SecondSource.Application;
using SecondSource.Application.Boms;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Api;

/// <summary>
/// BOM revisions for machines: a product's revisions with their state (a manufacturer's key sees released ones only),
/// the comparison of two of them, and — for the buyer's key — releasing and deleting a draft, as <c>bom release</c> and
/// <c>bom delete</c> do.
/// </summary>
public static class BomsApi
{
    public sealed record RevisionItem(Guid Id, string Label, string Status, string FileName, string Sha256, int Lines, DateTimeOffset ImportedAt, string ImportedBy,
        DateTimeOffset? ReleasedAt, string? ReleasedBy, string? ReleaseNote);

    public sealed record ReleaseBody(string? Note);

    public sealed record ChangeItem(string Kind, string Line, int? RowBefore, int? RowAfter, IReadOnlyList<string> Changes, string? Consequence, bool Worsens);

    public sealed record DiffResponse(Guid Before, Guid After, int Added, int Removed, int Changed, int Unchanged, int CriticalBefore, int DualSourcedBefore,
        int CriticalAfter, int DualSourcedAfter, IReadOnlyList<ChangeItem> Changes);

    public static IEndpointRouteBuilder MapBomsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/boms").RequireAuthorization(Policies.Machine).WithTags("BOM revisions");
        api.MapGet("/products/{product}/revisions", List).WithName("ListBomRevisions").ProducesProblems(404)
            .WithSummary("A product's revisions, newest import first, with their state (draft, current, superseded); a manufacturer's key sees released ones");
        api.MapGet("/products/{product}/diff", Diff).WithName("CompareBomRevisions").ProducesProblems(400, 404, 409, 422)
            .WithSummary("Two revisions compared (?before=&after=, label or id): lines added, removed, changed and the dual-sourcing consequence");
        api.MapPost("/revisions/{id:guid}/release", Release).WithName("ReleaseBomRevision").ProducesProblems(400, 404, 409, 415, 422)
            .WithSummary("The buyer's key releases a draft with a note: it becomes the current revision and the lines are asked to acknowledge it")
            .RequireAuthorization(Policies.BuyerMachine);
        api.MapDelete("/revisions/{id:guid}", Delete).WithName("DeleteBomRevision").ProducesProblems(404, 409, 422)
            .WithSummary("The buyer's key deletes a draft; a released revision is 409")
            .RequireAuthorization(Policies.BuyerMachine);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<RevisionItem>>, ProblemHttpResult>> List(string product, BomRevisionQueries queries, CancellationToken ct)
    {
        if (await queries.FindProductAsync(product, ct) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such product for this key", detail: $"No product with the code or id '{product}' is visible to this key.");
        }

        IReadOnlyList<RevisionItem> items = [.. (await queries.ListAsync(found.Id, ct)).Select(r => new RevisionItem(r.Id, r.Label, r.Status, r.FileName, r.Sha256, r.Lines,
            r.ImportedAt, r.ImportedBy, r.ReleasedAt, r.ReleasedBy, r.ReleaseNote))];
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<DiffResponse>, ProblemHttpResult>> Diff(string product, [FromQuery] string? before, [FromQuery] string? after, CompareBomRevisionsHandler compare,
        Hosting.ScopedReadModel readModel, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(before) || string.IsNullOrWhiteSpace(after))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "before and after are required", detail: "Give both revisions as ?before=LABEL_OR_ID&after=LABEL_OR_ID.");
        }

        // Two revisions' audits and their difference: from the read model (per the key's scope; recomputed after a change).
        var result = await readModel.GetAsync($"bom-diff-api|{product}|{before}|{after}", c => compare.HandleAsync(new CompareBomRevisionsRequest(product, before, after), c), ct);
        if (result.Failure is { } failure)
        {
            return Problem(failure, "The revisions cannot be compared");
        }

        var c = result.Value!.Comparison;
        return TypedResults.Ok(new DiffResponse(result.Value.Before.Id, result.Value.After.Id, c.Added, c.Removed, c.Changed, c.Unchanged, c.CriticalBefore, c.DualSourcedBefore,
            c.CriticalAfter, c.DualSourcedAfter,
            [.. c.Changes.Select(x => new ChangeItem(x.Kind.ToString().ToLowerInvariant(), x.Name, x.Before?.Line.Row, x.After?.Line.Row, x.Changes, x.Consequence, x.Worsens))]));
    }

    // The body is read here rather than bound, so that the route matches whatever is sent and authorization answers first.
    private static async Task<Results<Ok<ReleasedBomRevision>, ProblemHttpResult>> Release(Guid id, HttpContext http, ReleaseBomRevisionHandler release, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send application/json", detail: "The body is {\"note\": \"why it is released\"}.");
        }

        ReleaseBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<ReleaseBody>(ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON", detail: ex.Message);
        }

        var result = await release.HandleAsync(new ReleaseBomRevisionRequest(id, body?.Note ?? "", VaultActor.Of(http)), ct);
        return result.Failure is { } failure ? Problem(failure, "The revision was not released") : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, DeleteBomRevisionHandler delete, CancellationToken ct)
    {
        var result = await delete.HandleAsync(new DeleteBomRevisionRequest(id), ct);
        return result.Failure is { } failure ? Problem(failure, "The revision was not deleted") : TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(Failure failure, string title) => TypedResults.Problem(
        statusCode: failure.Kind switch { FailureKind.NotFound => 404, FailureKind.Conflict => 409, _ => 422 }, title: title, detail: failure.Message);
}

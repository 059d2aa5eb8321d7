using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Application.TestData;

public sealed record DecidePilotGateRequest(Guid ProductId, Guid LineId, string Why, string By);

/// <summary>
/// The buyer's pilot-gate decision: the gate is evaluated again on the stored data at this moment and must pass;
/// then the decision (who, when, why, and the criteria as they stood) is recorded and the line moves from Pilot to
/// Ramp, in one transaction.
/// </summary>
public sealed class DecidePilotGateHandler(SecondSourceDbContext db, PilotQueries pilots, TimeProvider clock)
{
    public async Task<Result<PilotGateDecision>> HandleAsync(DecidePilotGateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await pilots.ViewAsync(request.ProductId, request.LineId, ct);
        if (view.Failure is { } failure)
        {
            return failure;
        }

        var programLine = await pilots.ProgramLineAsync(request.ProductId, request.LineId, ct);
        if (programLine is null || view.Value!.Pilot is null)
        {
            return Fail.Invalid("The line has no pilot batch in a program of this product.");
        }

        try
        {
            var now = clock.GetUtcNow();
            var decision = PilotGateDecision.Record(request.ProductId, request.LineId, view.Value.Line.PartyId, view.Value.Pilot.Id, view.Value.Gate, request.Why, now, request.By);
            programLine.PassPilotGate(now, request.By, decision.Why);
            db.PilotGateDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            return Result.Ok(decision);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }
    }
}

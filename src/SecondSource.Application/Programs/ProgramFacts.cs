using SecondSource.Application.Persistence;
using SecondSource.Application.Planning;
using SecondSource.Application.Vault;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Planning;

namespace SecondSource.Application.Programs;

/// <summary>
/// The one place a program's derived facts are computed for anyone who looks at them: the second lines' warmth and its
/// signals, revision parity with the primary, the emergency-shift criteria (time to survive, bridge inventory, coverage
/// ratio) and the package's sync per line. Each is computed over the whole program's data — a trusted system read, never
/// the viewer's party filter — and then projected for the viewer: the buyer sees every line's entry; a manufacturer sees
/// the entries of its own lines with exactly the values the buyer sees, and no entry of another party's line. A
/// manufacturer's view is never recomputed on the rows it may read (that gave it other, kinder verdicts: ADR 0013).
/// </summary>
/// <remarks>
/// What a projected entry may carry: facts about the viewer's own line, and program figures its own line's verdicts rest
/// on (the plan's reference demand, the primary's recovery time) — never another line's name, rows or numbers.
/// </remarks>
public sealed class ProgramFacts(IPartyContext party, ShiftQueries shift, WarmthQueries warmth, VaultAccessQueries vault)
{
    /// <summary>Each second line's emergency-shift readiness (with its warmth and revision parity), projected for the viewer.</summary>
    public Task<IReadOnlyList<ShiftReadiness>> ShiftAsync(Guid productId, CancellationToken ct) =>
        ProjectedAsync(() => shift.OfProductAsync(productId, ct), r => r.Line.PartyId);

    /// <summary>Each second line's warmth under the program's policy, projected for the viewer.</summary>
    public Task<IReadOnlyList<LineWarmth>> WarmthAsync(Guid productId, CancellationToken ct) =>
        ProjectedAsync(() => warmth.OfProductAsync(productId, ct), w => w.Line.PartyId);

    /// <summary>The package's completeness and drift per line, judged against every revision the buyer holds, projected for the viewer.</summary>
    public Task<IReadOnlyList<LineSyncView>> SyncAsync(Guid productId, CancellationToken ct) =>
        ProjectedAsync(() => vault.SyncAsync(productId, ct), s => s.Line.PartyId);

    /// <summary>Keeps the entries the viewer may see: all for the buyer and the system, a manufacturer's own lines' otherwise.</summary>
    public static IReadOnlyList<T> Project<T>(IReadOnlyList<T> computed, PartyScope viewer, Func<T, PartyId> owner)
    {
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(owner);
        return viewer.IsRestricted ? [.. computed.Where(e => viewer.Allows(owner(e)))] : computed;
    }

    private async Task<IReadOnlyList<T>> ProjectedAsync<T>(Func<Task<IReadOnlyList<T>>> compute, Func<T, PartyId> owner)
    {
        var viewer = party.Scope;
        IReadOnlyList<T> computed;
        using (party.BeginSystemScope())
        {
            computed = await compute();
        }

        return Project(computed, viewer, owner);
    }
}

/// <summary>The policy a program's warmth is judged by: the program's minimum warm batch, else the default.</summary>
internal static class ProgramWarmthPolicy
{
    public static WarmthPolicy For(SharePolicy? policy) => new() { MinimumBatchUnits = (policy ?? new SharePolicy()).MinWarmBatch };
}

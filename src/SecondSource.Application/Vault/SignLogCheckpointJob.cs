using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Scheduling;

namespace SecondSource.Application.Vault;

/// <summary>
/// Signs a checkpoint of the access log on a schedule (<c>Scheduling:CheckpointEvery</c>, hourly by default), so at
/// most that much of the log's end is unprotected; the same as <c>secondsource audit checkpoint</c>. A log that has
/// not grown keeps its last checkpoint; an empty log has nothing to sign.
/// </summary>
public sealed class SignLogCheckpointJob(SignLogCheckpointHandler sign, Persistence.SecondSourceDbContext db, SchedulingOptions options) : IScheduledJob
{
    public const string JobName = "log-checkpoint";

    public string Name => JobName;

    public TimeSpan Every => options.CheckpointEvery;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        if (!await db.AccessLog.AnyAsync(ct))
        {
            return "the access log is empty; nothing to sign";
        }

        var result = await sign.HandleAsync(new SignLogCheckpointRequest(Provisioning.RefreshCrlsJob.Scheduler), ct);
        if (result.Failure is { } failure)
        {
            throw new InvalidOperationException(failure.Message);
        }

        var checkpoint = result.Value!.Checkpoint;
        return result.Value.IsNew
            ? $"signed {checkpoint.Size} entries, head {checkpoint.Head[..12]}…, into {result.Value.File}"
            : $"unchanged since the checkpoint of {checkpoint.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({checkpoint.Size} entries)";
    }
}

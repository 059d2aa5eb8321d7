using SecondSource.Application;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Web.Hosting;

/// <summary>
/// The access log page's verdict without reading the whole log for every new entry (ADR 0018). A full check of the hash
/// chain and the checkpoints runs when this process first shows the page, after a check that found a problem, and then
/// at most every <see cref="FullCheckEvery"/> in the background while the previous verdict is still shown; each showing
/// checks only the entries written since the last full check, resumed from its head. The page says which entries were
/// checked in full and when — an entry changed after that full check shows at the next one, as it does in
/// <c>audit verify</c> and <c>db verify</c>, which always read everything.
/// </summary>
public sealed class AccessLogVerdicts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AccessLogVerdicts> logger)
{
    /// <summary>How old the full check may get before the next one starts: the hour checkpoints are signed in.</summary>
    public static readonly TimeSpan FullCheckEvery = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private FullCheck? _full;
    private Task? _refresh;

    /// <summary>The last full check: its verdict and when it ran.</summary>
    public sealed record FullCheck(LogVerdict Verdict, DateTimeOffset At);

    /// <summary>The log's verdict now, and when the entries before the newest ones were last checked in full.</summary>
    public async Task<(Result<LogVerdict> Verdict, DateTimeOffset FullCheckAt)> CurrentAsync(VerifyAccessLogHandler verify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verify);
        if (_full is not { Verdict: { Intact: true, HeadHash: { } head } verified } full)
        {
            var at = clock.GetUtcNow();
            var result = await verify.HandleAsync(new VerifyAccessLogRequest([], ShowPaths: false), ct);
            if (result.Value is { } verdict)
            {
                _full = new FullCheck(verdict, at);
            }

            return (result, at);
        }

        if (clock.GetUtcNow() - full.At >= FullCheckEvery)
        {
            StartFullCheck();
        }

        return (await verify.HandleAsync(new VerifyAccessLogRequest([], ShowPaths: false, (verified.Entries, head)), ct), full.At);
    }

    /// <summary>One full check in the background at a time; the page keeps resuming from the previous one meanwhile.</summary>
    private void StartFullCheck()
    {
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false })
            {
                return;
            }

            _refresh = Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    using var system = scope.ServiceProvider.GetRequiredService<IPartyContext>().BeginSystemScope();
                    var at = clock.GetUtcNow();
                    var result = await scope.ServiceProvider.GetRequiredService<VerifyAccessLogHandler>()
                        .HandleAsync(new VerifyAccessLogRequest([], ShowPaths: false), CancellationToken.None);
                    // A checkpoint file that cannot be read is shown by the next showing's own check; keep the previous full check.
                    if (result.Value is { } verdict)
                    {
                        _full = new FullCheck(verdict, at);
                    }
                }
#pragma warning disable CA1031 // A failed background check is logged; the page goes on from the previous one and tries again later.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "The access log's full check failed; the page keeps the previous one.");
                }
            });
        }
    }
}

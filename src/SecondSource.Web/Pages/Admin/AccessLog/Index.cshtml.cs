using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Web.Pages.Admin.AccessLog;

/// <summary>
/// The vault's access log, newest or oldest first, filtered by action, party and person, a hundred to a page read from a
/// cursor (the same cost at entry 10 and entry 1,000,000), with the verification of its hash chain against the newest
/// signed checkpoints (<see cref="Hosting.AccessLogVerdicts"/>: resumed from the last full check, which says when it
/// ran); an administrator can sign a checkpoint now and download the newest one to keep off the server.
/// </summary>
public sealed class IndexModel(VaultQueries vault, VerifyAccessLogHandler verify, SignLogCheckpointHandler sign, SecondSource.Application.Persistence.SecondSourceDbContext db, Hosting.ReadModelCache cache,
    SecondSource.Application.Persistence.DataVersion version, Hosting.AccessLogVerdicts verdicts) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whether <see cref="Notice"/> tells why nothing was signed.</summary>
    [TempData]
    public bool NoticeIsRefusal { get; set; }

    /// <summary>Show the page after this entry, in the order shown.</summary>
    [BindProperty(Name = "next", SupportsGet = true)]
    public long? Next { get; set; }

    /// <summary>Show the page before this entry, in the order shown.</summary>
    [BindProperty(Name = "prev", SupportsGet = true)]
    public long? Previous { get; set; }

    [BindProperty(Name = "what", SupportsGet = true)]
    public AccessAction? What { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Party { get; set; }

    [BindProperty(Name = "who", SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>Oldest first (the order the chain is written in) instead of newest first.</summary>
    [BindProperty(Name = "oldest", SupportsGet = true)]
    public bool Oldest { get; set; }

    /// <summary>A filter value in the address the log does not know (it then shows every entry there).</summary>
    public string? Message { get; private set; }

    public IReadOnlyList<string> Parties { get; private set; } = [];

    public IReadOnlyList<AccessLogView> Entries { get; private set; } = [];

    /// <summary>The entries in the whole log (unfiltered).</summary>
    public long Total { get; private set; }

    public bool HasNext { get; private set; }

    public bool HasPrevious { get; private set; }

    /// <summary>When the entries the verdict did not just read were last checked in full (the verdict's <c>ResumedAfter</c>).</summary>
    public DateTimeOffset FullCheckAt { get; private set; }

    public LogVerdict? Verdict { get; private set; }

    /// <summary>Why the checkpoints could not be read (a damaged file in the checkpoint folder), if so.</summary>
    public string? CheckpointError { get; private set; }

    /// <summary>The newest checkpoint in the database, to download.</summary>
    public LogCheckpoint? Newest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Shared.ListAddress.Unknown(ModelState);
        // A page of the log with its size and the parties to filter by, from the read model: recomputed after any
        // write, at most every ReadModels:MaxAgeSeconds for entries another process wrote.
        var filter = new AccessLogFilter(What, Party, Who, Oldest);
        var backwards = Next is null && Previous is not null;
        // Logged reads move only the log's version (DataVersion.Log): the keys carry it, so a new entry is shown at once.
        (var slice, Total, Parties) = await cache.GetAsync($"access-log|{version.Log}|{Next ?? Previous}|{backwards}|{filter}", async c =>
            (await vault.LogAsync(filter, Next ?? Previous, backwards, c), await vault.LogSizeAsync(c), await vault.LogPartiesAsync(c)), ct);
        (Entries, HasNext, HasPrevious) = (slice.Entries, slice.HasNext, slice.HasPrevious);
        // The chain's verdict: the entries since the last full check are read (resumed from its head), not the whole log;
        // served from the read model, so paging and filtering do not read it again. Administrators only.
        var (verdict, fullCheckAt) = await cache.GetAsync($"access-log-verdict|{version.Log}", c => verdicts.CurrentAsync(verify, c), ct);
        FullCheckAt = fullCheckAt;
        Verdict = verdict.Value;
        CheckpointError = verdict.Failure?.Message;
        Newest = await cache.GetAsync("access-log-newest-checkpoint", c =>
            db.LogCheckpoints.AsNoTracking().OrderByDescending(k => k.Size).ThenByDescending(k => k.SignedAt).FirstOrDefaultAsync(c), ct);
    }

    /// <summary>Signs a checkpoint now (the scheduler does it every hour).</summary>
    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        var result = await sign.HandleAsync(new SignLogCheckpointRequest(Pages.Vault.VaultActor.Of(HttpContext)), ct);
        NoticeIsRefusal = result.Failure is not null;
        Notice = result.Failure is { } failure ? failure.Message
            : result.Value!.IsNew ? $"Signed a checkpoint over {result.Value.Checkpoint.Size:N0} entries. Download it and keep it off this server."
            : $"The log has not grown since the last checkpoint ({result.Value.Checkpoint.Size:N0} entries); it stands.";
        return RedirectToPage();
    }

    /// <summary>A checkpoint as the file it was written to.</summary>
    public async Task<IActionResult> OnGetCheckpointAsync(Guid id, CancellationToken ct)
    {
        var checkpoint = await db.LogCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return checkpoint is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(checkpoint.Text), "text/plain; charset=utf-8", checkpoint.FileName);
    }

    /// <summary>The log's first page, every filter kept.</summary>
    public string FirstPage =>
        Shared.ListAddress.Build("/Admin/AccessLog", ("what", What?.ToString()), ("party", Party), ("who", Who), ("oldest", Oldest ? "true" : null));

    /// <summary>The log's address for the page after (<paramref name="next"/>) or before an entry, every filter kept.</summary>
    public string Href(long entry, bool next) =>
        Shared.ListAddress.Build("/Admin/AccessLog", ("what", What?.ToString()), ("party", Party), ("who", Who), ("oldest", Oldest ? "true" : null),
            (next ? "next" : "prev", entry.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

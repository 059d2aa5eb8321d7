using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Web.Pages.Admin.AccessLog;

/// <summary>
/// The vault's access log, newest or oldest first, filtered by action, party and person, fifty to a page, with the
/// verification of its hash chain against the newest signed checkpoints; an administrator can sign a checkpoint now and
/// download the newest one to keep off the server.
/// </summary>
public sealed class IndexModel(VaultQueries vault, VerifyAccessLogHandler verify, SignLogCheckpointHandler sign, SecondSource.Application.Persistence.SecondSourceDbContext db, Hosting.ReadModelCache cache,
    SecondSource.Application.Persistence.DataVersion version) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whether <see cref="Notice"/> tells why nothing was signed.</summary>
    [TempData]
    public bool NoticeIsRefusal { get; set; }

    // From the query only: the route value "page" (the page's own path) would win over a bound name.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

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

    public long Total { get; private set; }

    public LogVerdict? Verdict { get; private set; }

    /// <summary>Why the checkpoints could not be read (a damaged file in the checkpoint folder), if so.</summary>
    public string? CheckpointError { get; private set; }

    /// <summary>The newest checkpoint in the database, to download.</summary>
    public LogCheckpoint? Newest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Message = Shared.ListAddress.Unknown(ModelState);
        // A page of the log with its count and the parties to filter by, from the read model: recomputed after any
        // write, at most every ReadModels:MaxAgeSeconds for entries another process wrote.
        var filter = new AccessLogFilter(What, Party, Who, Oldest);
        // Logged reads move only the log's version (DataVersion.Log): the keys carry it, so a new entry is shown at once.
        (Entries, Total, Parties) = await cache.GetAsync($"access-log|{version.Log}|{PageNumber}|{filter}", async c =>
        {
            var (entries, total) = await vault.LogAsync(PageNumber, filter, c);
            return (entries, total, await vault.LogPartiesAsync(c));
        }, ct);
        // The whole chain is read to verify it: served from the read model (recomputed after a change, or every few
        // seconds for changes made elsewhere), so paging and filtering do not read the log again. Administrators only.
        var verdict = await cache.GetAsync($"access-log-verdict|{version.Log}", c => verify.HandleAsync(new VerifyAccessLogRequest([], ShowPaths: false), c), ct);
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

    /// <summary>The log's address with the page changed, every filter kept.</summary>
    public string Href(int page) =>
        Shared.ListAddress.Build("/Admin/AccessLog", ("what", What?.ToString()), ("party", Party), ("who", Who), ("oldest", Oldest ? "true" : null), ("page", Shared.ListAddress.Page(page)));
}

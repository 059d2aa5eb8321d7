using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Web.Pages.Admin.AccessLog;

/// <summary>The vault's access log, newest or oldest first, filtered by action, party and person, fifty to a page, with the verification of its hash chain (administrators).</summary>
public sealed class IndexModel(VaultQueries vault) : PageModel
{
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

    public ChainVerdict? Verdict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Message = Shared.ListAddress.Unknown(ModelState);
        (Entries, Total) = await vault.LogAsync(PageNumber, new AccessLogFilter(What, Party, Who, Oldest), ct);
        Parties = await vault.LogPartiesAsync(ct);
        Verdict = await vault.VerifyLogAsync(ct);
    }

    /// <summary>The log's address with the page changed, every filter kept.</summary>
    public string Href(int page) =>
        Shared.ListAddress.Build("/Admin/AccessLog", ("what", What?.ToString()), ("party", Party), ("who", Who), ("oldest", Oldest ? "true" : null), ("page", Shared.ListAddress.Page(page)));
}

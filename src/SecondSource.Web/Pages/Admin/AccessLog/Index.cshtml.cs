using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Web.Pages.Admin.AccessLog;

/// <summary>The vault's access log, newest first, with the verification of its hash chain (administrators).</summary>
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

    public IReadOnlyList<string> Parties { get; private set; } = [];

    public IReadOnlyList<AccessLogView> Entries { get; private set; } = [];

    public long Total { get; private set; }

    public ChainVerdict? Verdict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Entries, Total) = await vault.LogAsync(PageNumber, new AccessLogFilter(What, Party, Who), ct);
        Parties = await vault.LogPartiesAsync(ct);
        Verdict = await vault.VerifyLogAsync(ct);
    }
}

using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Security;

/// <summary>
/// Insecure direct object references, hunted with canaries (issue 12): strings that exist only in the primary
/// manufacturer's rows — its party and line names, its batch names, its units' serial numbers. Signed in as the other
/// manufacturer, every page reachable from the dashboard is crawled, and every page and API endpoint that takes an id
/// is called with the id of each of the primary's party-owned rows (every entity type) and of buyer-only rows: no
/// answer may hold a canary or be a server error.
/// </summary>
public sealed partial class IdorCanaryTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private const int MaxCrawl = 600;
    private const int IdsPerType = 3;

    [Fact]
    public async Task The_other_manufacturer_finds_no_canary_on_any_page_or_behind_any_id()
    {
        var (canaries, ownedIds, buyerOnlyIds) = await app.RunInSystemScopeAsync(LoadAsync);
        canaries.Count.ShouldBeGreaterThan(5);
        ownedIds.Count.ShouldBeGreaterThan(20, "the demo gives the primary rows of many types");

        // The buyer's admin sees every page that takes an id; the crawl names them.
        using var admin = await app.SignedInAsync("Admin");
        var idPages = (await CrawlAsync(admin, _ => { })).SelectMany(IdPages).ToHashSet(StringComparer.Ordinal);
        idPages.Count.ShouldBeGreaterThan(10);

        using var vistula = await app.SignedInAsync("Member", "Vistula");
        var failures = new List<string>();
        void Check(string url, HttpStatusCode status, string body)
        {
            if ((int)status >= 500)
            {
                failures.Add($"{url}: {(int)status}");
            }

            foreach (var canary in canaries.Where(c => body.Contains(c, StringComparison.Ordinal)))
            {
                failures.Add($"{url}: shows '{canary}'");
            }
        }

        var crawled = await CrawlAsync(vistula, page => Check(page.Url, page.Status, page.Body));
        crawled.Count.ShouldBeGreaterThan(30, "the crawl reached the manufacturer's pages");

        foreach (var page in idPages)
        {
            foreach (var id in ownedIds.Concat(buyerOnlyIds))
            {
                var url = $"{page}?id={id}";
                using var response = await vistula.GetAsync(new Uri(url, UriKind.Relative));
                Check(url, response.StatusCode, await response.Content.ReadAsStringAsync());
            }
        }

        // The API: every GET route with an id, with the second line's station key.
        using var station = app.CreateBrowserlessClient();
        station.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, app.Credential("Machine", "Vistula").Secret);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) || e.RoutePattern.RawText.StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && e.RoutePattern.Parameters.Count > 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        foreach (var route in routes)
        {
            foreach (var id in ownedIds.Concat(buyerOnlyIds))
            {
                var url = RouteParameter().Replace(route, id.ToString());
                using var response = await station.GetAsync(new Uri(url, UriKind.Relative));
                // A granted document's bytes are the buyer's to share (a golden-sample register may well name the
                // primary); that the grant is needed is the vault's own tests'. Everything else the API says is checked.
                Check(url, response.StatusCode, route.EndsWith("/content", StringComparison.Ordinal) ? "" : await response.Content.ReadAsStringAsync());
            }
        }

        failures.Distinct().ShouldBeEmpty();
    }

    private sealed record Page(string Url, HttpStatusCode Status, string Body);

    /// <summary>Follows the app's own links breadth-first from the dashboard (GET only; no sign-out, no PDF printing).</summary>
    private static async Task<List<Page>> CrawlAsync(HttpClient client, Action<Page> visit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var pages = new List<Page>();
        while (queue.Count > 0 && pages.Count < MaxCrawl)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = response.Content.Headers.ContentType?.MediaType is "text/html" or "application/json" or "text/plain" or "text/csv"
                ? await response.Content.ReadAsStringAsync() : "";
            var page = new Page(url, response.StatusCode, body);
            pages.Add(page);
            visit(page);
            foreach (Match link in Link().Matches(body))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                if (target.Length > 1 && !target.StartsWith("//", StringComparison.Ordinal) && !Skipped(target) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return pages;
    }

    private static bool Skipped(string url) =>
        url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || url.Contains("handler=Pdf", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/css/", StringComparison.Ordinal) || url.StartsWith("/js/", StringComparison.Ordinal) || url.StartsWith("/lib/", StringComparison.Ordinal)
        || url.EndsWith(".css", StringComparison.Ordinal) || url.EndsWith(".js", StringComparison.Ordinal) || url.EndsWith(".svg", StringComparison.Ordinal) || url.EndsWith(".ico", StringComparison.Ordinal);

    /// <summary>"/Products/Revision" from "/Products/Revision?id=…&amp;rule=…".</summary>
    private static IEnumerable<string> IdPages(Page page) =>
        IdLink().Matches(page.Body).Select(m => m.Groups[1].Value);

    private static async Task<(List<string> Canaries, List<Guid> Owned, List<Guid> BuyerOnly)> LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<SecondSourceDbContext>();
        var primary = await db.Parties.SingleAsync(p => p.Name.Contains("Pearl River"));
        var canaries = new List<string> { primary.Name, "Pearl River" };
        canaries.AddRange(await db.Lines.Where(l => l.PartyId == primary.Id).Select(l => l.Name).ToListAsync());
        canaries.AddRange(await db.TestBatches.Where(b => b.PartyId == primary.Id).Select(b => b.Name).Take(5).ToListAsync());
        canaries.AddRange(await db.TestUnits.Where(u => u.PartyId == primary.Id).OrderBy(u => u.Serial).Select(u => u.Serial).Take(5).ToListAsync());

        var owned = new List<Guid>();
        var buyerOnly = new List<Guid>();
        var ownedIds = typeof(IdorCanaryTests).GetMethod(nameof(OwnedIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        var anyIds = typeof(IdorCanaryTests).GetMethod(nameof(AnyIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.FindPrimaryKey() is { Properties: [{ Name: "Id" } key] } && key.ClrType == typeof(Guid)))
        {
            if (typeof(IPartyOwned).IsAssignableFrom(type.ClrType))
            {
                owned.AddRange(await (Task<List<Guid>>)ownedIds.MakeGenericMethod(type.ClrType).Invoke(null, [db, primary.Id])!);
            }
            else if (typeof(IBuyerOnly).IsAssignableFrom(type.ClrType))
            {
                buyerOnly.AddRange(await (Task<List<Guid>>)anyIds.MakeGenericMethod(type.ClrType).Invoke(null, [db])!);
            }
        }

        return (canaries.Where(c => c.Length >= 5).Distinct().ToList(), owned, buyerOnly);
    }

    private static Task<List<Guid>> OwnedIdsAsync<T>(SecondSourceDbContext db, PartyId party)
        where T : class, IPartyOwned =>
        db.Set<T>().Where(e => e.PartyId == party).Select(e => EF.Property<Guid>(e, "Id")).Take(IdsPerType).ToListAsync();

    private static Task<List<Guid>> AnyIdsAsync<T>(SecondSourceDbContext db)
        where T : class =>
        db.Set<T>().Select(e => EF.Property<Guid>(e, "Id")).Take(IdsPerType).ToListAsync();

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("href=\"(/[A-Za-z/]+)\\?(?:[^\"]*&amp;)?id=[0-9a-f-]{36}")]
    private static partial Regex IdLink();

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}

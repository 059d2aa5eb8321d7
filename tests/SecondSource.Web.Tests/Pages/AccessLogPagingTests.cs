using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;
using SecondSource.Web.Pages;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// The access log page at any length (issue 24): pages are read from a cursor, not counted off from the start, so the
/// ten-thousandth page costs what the first does; the chain's verdict reads only the entries since the last full check
/// and says when that check ran.
/// </summary>
public sealed class AccessLogPagingTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private static List<long> Sequences(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=access-log] tbody tr").Select(r => long.Parse(r.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture))];

    private Task<long> AppendAsync(int count, AccessAction action) => app.RunInSystemScopeAsync(async s =>
    {
        var log = s.GetRequiredService<AccessLogWriter>();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(action, $"station-{i % 3}@vistula.example", "Vistula EMS Sp. z o.o. (Gdańsk)", null, null, null, "192.0.2.10", CancellationToken.None, "package listed");
        }

        await log.SaveAsync(CancellationToken.None);
        return await s.GetRequiredService<SecondSourceDbContext>().AccessLog.MaxAsync(e => e.Sequence);
    });

    [Fact]
    public async Task Pages_follow_a_cursor_both_ways_in_either_order_and_with_a_filter()
    {
        using var admin = await app.SignedInAsync("Admin");
        var size = await AppendAsync(230, AccessAction.View);
        var first = await admin.GetDocumentAsync("/Admin/AccessLog");
        var newest = Sequences(first);
        newest.Count.ShouldBe(VaultQueries.LogPageSize);
        newest[0].ShouldBe(size);
        newest.ShouldBe([.. Enumerable.Range(0, VaultQueries.LogPageSize).Select(i => size - i)], "newest first, no entry skipped");
        first.QuerySelector("[data-testid=log-previous]").ShouldBeNull("the first page has nothing before it");
        first.QuerySelector("[data-testid=log-pages]")!.TextContent.ShouldContain($"{size:N0} entries in the log");

        var second = await admin.GetDocumentAsync(first.QuerySelector("[data-testid=log-next]")!.GetAttribute("href")!);
        Sequences(second).ShouldBe([.. Enumerable.Range(0, VaultQueries.LogPageSize).Select(i => newest[^1] - 1 - i)], "the next page continues after the last entry shown");
        var back = await admin.GetDocumentAsync(second.QuerySelector("[data-testid=log-previous]")!.GetAttribute("href")!);
        Sequences(back).ShouldBe(newest, "back is the page before, in the same order");
        back.QuerySelector("[data-testid=log-previous]").ShouldBeNull();

        // Oldest first, to the end: every entry once, ascending; the last page has no next.
        var seen = new List<long>();
        var page = await admin.GetDocumentAsync("/Admin/AccessLog?oldest=true");
        while (true)
        {
            seen.AddRange(Sequences(page));
            if (page.QuerySelector("[data-testid=log-next]") is not { } next)
            {
                break;
            }

            page = await admin.GetDocumentAsync(next.GetAttribute("href")!);
        }

        seen.ShouldBe([.. Enumerable.Range(1, (int)size).Select(i => (long)i)]);

        // A filter keeps to its entries across pages, and the cursor keeps the filter.
        var lastRefused = await AppendAsync(3, AccessAction.Refused);
        var refused = await admin.GetDocumentAsync("/Admin/AccessLog?what=Refused");
        Sequences(refused)[..3].ShouldBe([lastRefused, lastRefused - 1, lastRefused - 2]);
        refused.QuerySelectorAll("[data-testid=access-log] tbody tr").Select(r => r.Children[2].TextContent).Distinct().ShouldBe([Display.Label(AccessAction.Refused)]);
        var beyond = await admin.GetDocumentAsync("/Admin/AccessLog?what=Refused&next=1");
        Sequences(beyond).ShouldBeEmpty();
        beyond.QuerySelector("[data-testid=log-pages]")!.TextContent.ShouldContain("No entries past that point.");
    }

    [Fact]
    public async Task The_verdict_reads_only_entries_since_the_full_check_and_says_when_that_ran()
    {
        using var admin = await app.SignedInAsync("Admin");
        // The first showing in this process checks the whole log.
        (await admin.GetDocumentAsync("/Admin/AccessLog")).QuerySelector("[data-testid=chain-verdict]")!.ClassList.ShouldContain("success");

        var size = await AppendAsync(5, AccessAction.View);
        var page = await admin.GetDocumentAsync("/Admin/AccessLog");
        var verdict = page.QuerySelector("[data-testid=chain-verdict]")!;
        verdict.ClassList.ShouldContain("success");
        verdict.TextContent.ShouldContain($"all {size:N0} entries are as they were written");
        page.QuerySelector("[data-testid=chain-checked-when]")!.TextContent.ShouldMatch(@"^Entries 1–[\d,]+ were checked in full at \d{4}-\d\d-\d\d \d\d:\d\d UTC");

        // A new entry changed after it was written is caught by the next showing, which reads it.
        await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.Where(e => e.Sequence == size)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "edited")));
        await AppendAsync(1, AccessAction.View);
        var broken = (await admin.GetDocumentAsync("/Admin/AccessLog")).QuerySelector("[data-testid=chain-verdict]")!;
        broken.ClassList.ShouldContain("error");
        broken.TextContent.ShouldContain($"The hash chain is broken at entry {size}");
    }
}

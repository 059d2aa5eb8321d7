using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// The access log page checks the log against its newest signed checkpoints: an administrator signs one now, downloads
/// it to keep off the server, and sees the checkpoint a cut contradicts; no checkpoint is signed over the cut.
/// </summary>
public sealed class AccessLogCheckpointPageTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task An_administrator_signs_and_downloads_a_checkpoint_and_sees_a_cut_log_contradict_it()
    {
        using var admin = await app.SignedInAsync("Admin");
        var page = await admin.GetDocumentAsync("/Admin/AccessLog");
        page.QuerySelector("[data-testid=checkpoint-check]")!.TextContent.ShouldContain("The log agrees with the checkpoint signed");

        // The log grows; the administrator signs now rather than wait for the hour.
        var size = await app.RunInSystemScopeAsync(async s =>
        {
            var log = s.GetRequiredService<AccessLogWriter>();
            await log.AppendAsync(AccessAction.View, "station@vistula.example", "Vistula EMS", null, null, null, "192.0.2.10", CancellationToken.None, "package listed");
            await log.SaveAsync(CancellationToken.None);
            return await s.GetRequiredService<SecondSourceDbContext>().AccessLog.MaxAsync(e => e.Sequence);
        });
        using (var signed = await admin.SubmitFormAsync("/Admin/AccessLog", new Dictionary<string, string>(), "[data-testid=checkpoints] form"))
        {
            signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await admin.GetDocumentAsync("/Admin/AccessLog");
        page.QuerySelector("[data-testid=checkpoint-notice]")!.TextContent.ShouldBe($"Signed a checkpoint over {size:N0} entries. Download it and keep it off this server.");
        page.QuerySelector("[data-testid=checkpoint-check]")!.TextContent.ShouldContain($"over {size:N0} entries (the database and the checkpoint folder)", customMessage: "people are not shown the server's paths");

        using var download = await admin.GetAsync(new Uri(page.QuerySelector("[data-testid=download-checkpoint]")!.GetAttribute("href")!, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldStartWith($"{size:D12}-");
        var checkpoint = LogCheckpoint.Parse(await download.Content.ReadAsStringAsync(), "download");
        checkpoint.Size.ShouldBe(size);
        checkpoint.SignatureVerifies().ShouldBeTrue();

        // The newest entry cut: the page names the checkpoint it contradicts, and signing is refused.
        await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().AccessLog.Where(e => e.Sequence == size).ExecuteDeleteAsync());
        page = await admin.GetDocumentAsync("/Admin/AccessLog");
        page.QuerySelector("[data-testid=chain-verdict]")!.ClassList.ShouldContain("success", "the chain alone still verifies");
        var alert = page.QuerySelector("[data-testid=checkpoint-check][role=alert]")!;
        alert.TextContent.ShouldContain($"the log ends at entry {size - 1}, but the checkpoint signed");
        alert.TextContent.ShouldContain($"covers {size}: entry {size} is gone");
        using (var refused = await admin.SubmitFormAsync("/Admin/AccessLog", new Dictionary<string, string>(), "[data-testid=checkpoints] form"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var notice = (await admin.GetDocumentAsync("/Admin/AccessLog")).QuerySelector("[data-testid=checkpoint-notice]")!;
        notice.ClassList.ShouldContain("error");
        notice.TextContent.ShouldContain("Nothing was signed");
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Application.Vault;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Vault;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Vault;

/// <summary>The vault on each provider: revisions by content, the access log written with each action, tampering found.</summary>
public sealed class VaultTests
{
    private static readonly Actor Engineer = new("engineer@aurora.example", "Aurora Medical Instruments AB", "10.1.2.3");

    private static async Task<(TestDatabase Database, Guid Product)> ProductAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateProductHandler>().HandleAsync(new CreateProductRequest("IO board", "IO-1", new ProductRequirements()), CancellationToken.None);
        return (database, created.Value!.Id);
    }

    private static async Task<Result<UploadedRevision>> PutAsync(TestDatabase database, Guid product, ArtifactKind kind, byte[] content, string name)
    {
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<VaultStore>().StoreAsync(new MemoryStream(content), CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<UploadArtifactRevisionHandler>().HandleAsync(
            new UploadArtifactRevisionRequest(product, kind, StoredFile.Of(stored.Sha256, stored.Size, name, "application/zip", VaultStore.MaxFileBytes), "release", Engineer), CancellationToken.None);
    }

    private static async Task<ChainVerdict> VerifyAsync(TestDatabase database)
    {
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<VerifyAccessLogHandler>().HandleAsync(new VerifyAccessLogRequest([]), CancellationToken.None)).Value!.Chain;
    }

    [Theory, DatabaseProviders]
    public async Task Revisions_are_numbered_stored_once_by_content_and_every_upload_and_download_is_logged(DatabaseProvider provider)
    {
        var (database, product) = await ProductAsync(provider);
        await using var _ = database;
        var gerbers = "gerber rev B"u8.ToArray();

        (await PutAsync(database, product, ArtifactKind.Gerbers, gerbers, "gerbers-b.zip")).Value!.Number.ShouldBe(1);
        (await PutAsync(database, product, ArtifactKind.Gerbers, gerbers, "gerbers-b-again.zip")).Failure!.Message.ShouldContain("same content as revision 1");
        var second = (await PutAsync(database, product, ArtifactKind.Gerbers, "gerber rev C"u8.ToArray(), "gerbers-c.zip")).Value!;
        second.Number.ShouldBe(2);
        (await PutAsync(database, product, ArtifactKind.TestPlan, gerbers, "same-bytes.zip")).Value!.Number.ShouldBe(1);

        // The same content under two artifacts is one file on disk.
        Directory.GetFiles(Path.Combine(database.Folder.Path, "vault")).Length.ShouldBe(2);

        await using (var services = database.BuildServices(PartyScope.Unrestricted))
        await using (var scope = services.CreateAsyncScope())
        {
            var opened = (await scope.ServiceProvider.GetRequiredService<OpenArtifactRevisionHandler>().HandleAsync(new OpenArtifactRevisionRequest(second.RevisionId, Engineer), CancellationToken.None)).Value!;
            await using (opened.Content)
            {
                Convert.ToHexStringLower(await SHA256.HashDataAsync(opened.Content)).ShouldBe(opened.Sha256);
            }

            var package = await scope.ServiceProvider.GetRequiredService<VaultQueries>().PackageAsync(product, CancellationToken.None);
            package.Count.ShouldBe(13);
            package.Single(i => i.Kind == ArtifactKind.Gerbers).Revisions.Select(r => r.Number).ShouldBe([2, 1]);
            package.Count(i => i.Latest is null).ShouldBe(11);

            var queries = scope.ServiceProvider.GetRequiredService<VaultQueries>();
            var (log, hasNext, hasPrevious) = await queries.LogAsync(null, null, backwards: false, CancellationToken.None);
            (await queries.LogSizeAsync(CancellationToken.None)).ShouldBe(4);
            (hasNext, hasPrevious).ShouldBe((false, false));
            log.Select(e => e.Action).ShouldBe([AccessAction.Download, AccessAction.Upload, AccessAction.Upload, AccessAction.Upload]);
            log[0].ShouldSatisfyAllConditions(e => e.Revision.ShouldBe(2), e => e.ClientAddress.ShouldBe("10.1.2.3"), e => e.Artifact.ShouldBe("Gerbers"));
        }

        (await VerifyAsync(database)).ShouldBe(new ChainVerdict(4, null, null));
    }

    [Theory, DatabaseProviders]
    public async Task Changing_or_deleting_a_log_entry_in_the_database_is_found(DatabaseProvider provider)
    {
        var (database, product) = await ProductAsync(provider);
        await using var _ = database;
        for (var i = 0; i < 4; i++)
        {
            await PutAsync(database, product, ArtifactKind.FirmwareBinary, [(byte)i, 1, 2, 3], $"fw-{i}.bin");
        }

        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AccessLog.Where(e => e.Sequence == 2).ExecuteUpdateAsync(u => u.SetProperty(e => e.Actor, "intruder@example.com"));
        }

        (await VerifyAsync(database)).ShouldSatisfyAllConditions(v => v.FirstBroken.ShouldBe(2), v => v.Reason!.ShouldContain("changed after it was written"));

        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            await db.AccessLog.Where(e => e.Sequence == 2).ExecuteDeleteAsync();
        }

        (await VerifyAsync(database)).ShouldSatisfyAllConditions(v => v.FirstBroken.ShouldBe(2), v => v.Reason!.ShouldContain("missing or out of order"));
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_nothing_of_the_vault_and_cannot_write_it(DatabaseProvider provider)
    {
        var (database, product) = await ProductAsync(provider);
        await using var _ = database;
        var revision = (await PutAsync(database, product, ArtifactKind.Gerbers, "gerbers"u8.ToArray(), "g.zip")).Value!;
        var manufacturer = new Domain.Parties.PartyId(Guid.NewGuid());

        await using var services = database.BuildServices(PartyScope.For(manufacturer));
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OpenArtifactRevisionHandler>().HandleAsync(new OpenArtifactRevisionRequest(revision.RevisionId, Engineer), CancellationToken.None))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().AccessLog.CountAsync()).ShouldBe(0, "the manufacturer cannot read the log");
        (await scope.ServiceProvider.GetRequiredService<VaultAccessGate>().GrantedAsync(null, CancellationToken.None)).ShouldBeEmpty();

        await using var buyer = database.CreateContext(PartyScope.Unrestricted);
        var refused = await buyer.AccessLog.OrderBy(e => e.Sequence).LastAsync();
        refused.ShouldSatisfyAllConditions(e => e.Action.ShouldBe(AccessAction.Refused), e => e.ArtifactId.ShouldBeNull(), e => e.Detail!.ShouldContain(revision.RevisionId.ToString()));
        (await VerifyAsync(database)).Checked.ShouldBe(2, "the refused attempt is logged, and only that");
    }

    [Theory, DatabaseProviders]
    public async Task The_demo_package_has_most_checklist_items_and_a_verified_log(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SecondSource.Application.Demo.SeedDemoHandler>().HandleAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();
        var product = await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();

        var package = await scope.ServiceProvider.GetRequiredService<VaultQueries>().PackageAsync(product, CancellationToken.None);

        package.Count(i => i.Latest is not null).ShouldBe(8);
        package.Single(i => i.Kind == ArtifactKind.Gerbers).Revisions.Count.ShouldBe(2);
        package.Where(i => i.Latest is null).Select(i => i.Kind).ShouldBe([ArtifactKind.OdbPlusPlus, ArtifactKind.AssemblyDrawing, ArtifactKind.Mechanical, ArtifactKind.PackagingSpec, ArtifactKind.FctVectors]);
        // The vault: 10 uploads (BOM and Gerbers twice), 2 NDAs, 8 items granted to 2 lines, 8 acknowledgements per line.
        // Provisioning: 2 keys, the 2.5.0 image and its 2 acknowledgements, 2 releases and 2 signatures, 60 certificates, 1 revocation.
        // Last, the access log's checkpoint key, generated for the demo's first checkpoint.
        (await VerifyAsync(database)).ShouldBe(new ChainVerdict(10 + 2 + 16 + 16 + (2 + 1 + 2 + 2 + 2 + 60 + 1) + 1, null, null));
        package.Single(i => i.Kind == ArtifactKind.BomAndAvl).Revisions.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_no_file_and_no_row()
    {
        var (database, product) = await ProductAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();

        await Should.ThrowAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<VaultStore>().StoreAsync(new BreaksOff(3 << 20), CancellationToken.None));

        var folder = Path.Combine(database.Folder.Path, "vault");
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ShouldBeEmpty("neither a half file under a final name nor a temporary file stays");
        (await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().ArtifactRevisions.CountAsync()).ShouldBe(0);
        (await VerifyAsync(database)).Checked.ShouldBe(0);
    }

    /// <summary>A client that sends some megabytes, then the connection drops.</summary>
    private sealed class BreaksOff(long after) : Stream
    {
        private long _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= after)
            {
                throw new IOException("The client disconnected.");
            }

            var n = (int)Math.Min(count, after - _sent);
            Array.Fill(buffer, (byte)0x5A, offset, n);
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

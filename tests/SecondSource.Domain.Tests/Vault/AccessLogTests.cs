using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Domain.Tests.Vault;

public sealed class AccessLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static List<AccessLogEntry> Chain(int count)
    {
        var entries = new List<AccessLogEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(AccessLogEntry.Next(entries.LastOrDefault(), At.AddMinutes(i), i % 2 == 0 ? AccessAction.Upload : AccessAction.Download,
                "engineer@aurora.example", "Aurora Medical Instruments AB", Guid.NewGuid(), Guid.NewGuid(), new string('a', 64), "10.0.0." + i));
        }

        return entries;
    }

    private static void Set<T>(AccessLogEntry entry, string property, T value) =>
        typeof(AccessLogEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var entries = Chain(5);

        entries[0].PreviousHash.ShouldBe(AccessLogEntry.Genesis);
        entries[1].PreviousHash.ShouldBe(entries[0].Hash);
        entries.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        AccessLogChain.Verify(entries).ShouldBe(new ChainVerdict(5, null, null));
        AccessLogChain.Verify([]).Intact.ShouldBeTrue();
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_the_hash_survives_a_database_round_trip()
    {
        var entry = AccessLogEntry.Next(null, At.AddTicks(12_345), AccessAction.Upload, "engineer", "Aurora", Guid.NewGuid(), null, null, null);

        entry.At.ShouldBe(At.AddMilliseconds(1));
        entry.Hash.ShouldBe(entry.ComputeHash());
    }

    [Fact]
    public void A_changed_field_is_found_at_its_entry()
    {
        var entries = Chain(5);
        Set(entries[2], nameof(AccessLogEntry.Actor), "someone-else@aurora.example");

        var verdict = AccessLogChain.Verify(entries);

        verdict.FirstBroken.ShouldBe(3);
        verdict.Checked.ShouldBe(2);
        verdict.Reason!.ShouldContain("changed after it was written");
    }

    [Fact]
    public void A_changed_entry_whose_hash_was_recomputed_breaks_the_next_link()
    {
        var entries = Chain(5);
        Set(entries[2], nameof(AccessLogEntry.ClientAddress), "203.0.113.9");
        Set(entries[2], nameof(AccessLogEntry.Hash), entries[2].ComputeHash());

        AccessLogChain.Verify(entries).ShouldSatisfyAllConditions(
            v => v.FirstBroken.ShouldBe(4),
            v => v.Reason!.ShouldContain("does not follow"));
    }

    [Fact]
    public void A_deleted_or_reordered_entry_is_found()
    {
        var deleted = Chain(5);
        deleted.RemoveAt(1);
        AccessLogChain.Verify(deleted).FirstBroken.ShouldBe(2);

        var reordered = Chain(5);
        (reordered[1], reordered[2]) = (reordered[2], reordered[1]);
        AccessLogChain.Verify(reordered).Reason!.ShouldContain("missing or out of order");

        var truncatedHead = Chain(3).Skip(1);
        AccessLogChain.Verify(truncatedHead).FirstBroken.ShouldBe(1);
    }

    [Fact]
    public void An_artifact_adds_numbered_revisions_and_refuses_the_same_content_twice()
    {
        var artifact = Artifact.Create(Guid.NewGuid(), ArtifactKind.Gerbers, "Main board Gerbers", At, "engineer");
        var first = artifact.AddRevision(StoredFile.Of(new string('a', 64), 1200, @"C:\out\gerbers-rev-b.zip", "application/zip", 1 << 20), "Rev B release", At, "engineer");
        var second = artifact.AddRevision(StoredFile.Of(new string('b', 64), 1300, "gerbers-rev-c.zip", null, 1 << 20), null, At.AddDays(1), "engineer");

        first.Number.ShouldBe(1);
        first.FileName.ShouldBe("gerbers-rev-b.zip");
        second.Number.ShouldBe(2);
        second.MediaType.ShouldBe("application/octet-stream");
        artifact.Latest.ShouldBe(second);
        Should.Throw<DomainException>(() => artifact.AddRevision(StoredFile.Of(new string('b', 64), 1300, "again.zip", null, 1 << 20), null, At, "engineer"))
            .Message.ShouldContain("same content as revision 2");
        Should.Throw<DomainException>(() => StoredFile.Of(new string('c', 64), 0, "empty.zip", null, 1 << 20)).Message.ShouldContain("from 1 byte");
    }
}

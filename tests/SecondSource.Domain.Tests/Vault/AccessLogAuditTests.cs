using System.Security.Cryptography;
using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;

namespace SecondSource.Domain.Tests.Vault;

/// <summary>
/// A checkpoint's text, signature and parsing, and the audit's verdict for each way a log can disagree with one: the
/// cases the database tests do not reach (another key, another installation, a chain broken under an intact head).
/// </summary>
public sealed class AccessLogAuditTests
{
    private const string Origin = "Aurora Medical Instruments AB";
    private static readonly DateTimeOffset At = new(2026, 12, 7, 13, 0, 0, TimeSpan.Zero);

    private static List<AccessLogEntry> Chain(int count)
    {
        var entries = new List<AccessLogEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(AccessLogEntry.Next(entries.LastOrDefault(), At.AddMinutes(i), AccessAction.Download, "station", Origin, null, null, null, null, $"entry {i + 1}"));
        }

        return entries;
    }

    private static LogCheckpoint Sign(ECDsa key, AccessLogEntry head, string origin = Origin)
    {
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(publicKey));
        var body = LogCheckpoint.ToSign(origin, head.Sequence, head.Hash, At.AddHours(1), "checkpoint key", fingerprint);
        var signature = key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return LogCheckpoint.Record(Guid.NewGuid(), origin, head.Sequence, head.Hash, At.AddHours(1), Guid.NewGuid(), "checkpoint key", publicKey, signature, "scheduler");
    }

    private static LogVerdict Audit(IEnumerable<AccessLogEntry> entries, LogCheckpoint checkpoint, ECDsa trusted)
    {
        var audit = new AccessLogAudit([("file", checkpoint)], Origin, new HashSet<string> { Convert.ToHexStringLower(SHA256.HashData(trusted.ExportSubjectPublicKeyInfo())) });
        foreach (var entry in entries)
        {
            audit.Add(entry);
        }

        return audit.Finish();
    }

    [Fact]
    public void The_text_round_trips_and_its_signature_covers_the_first_seven_lines()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = Sign(key, Chain(3)[^1]);

        var text = checkpoint.Text;
        text.Split('\n')[..7].ShouldBe(["SecondSource access-log checkpoint", $"origin: {Origin}", "size: 3", $"head: {checkpoint.Head}", "signed-at: 2026-12-07T14:00:00.000Z", "key: checkpoint key", $"key-fingerprint: {checkpoint.KeyFingerprint}"]);
        checkpoint.FileName.ShouldBe("000000000003-20261207T140000000Z.checkpoint");
        var read = LogCheckpoint.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal), "copied.checkpoint");
        read.SignatureVerifies().ShouldBeTrue("a copy with Windows line ends is the same checkpoint");
        (read.Size, read.Head, read.SignedAt).ShouldBe((checkpoint.Size, checkpoint.Head, checkpoint.SignedAt));
        LogCheckpoint.Parse(text.Replace("origin: Aurora", "origin: Boreal", StringComparison.Ordinal), "x").SignatureVerifies().ShouldBeFalse();
    }

    [Theory]
    [InlineData("size: 3", "size: three", "c, line 3 (size): 'three' is not a whole number.")]
    [InlineData("signed-at: 2026-12-07T14:00:00.000Z", "signed-at: yesterday", "c, line 5 (signed-at): 'yesterday' is not a UTC time such as 2026-12-07T13:00:00.000Z.")]
    [InlineData("SecondSource access-log checkpoint", "Some other file", "c: not a SecondSource access-log checkpoint (it should have 9 lines, the first 'SecondSource access-log checkpoint').")]
    public void An_unreadable_checkpoint_names_its_line(string from, string to, string message)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = Sign(key, Chain(3)[^1]).Text.Replace(from, to, StringComparison.Ordinal);
        Should.Throw<DomainException>(() => LogCheckpoint.Parse(text, "c")).Message.ShouldBe(message);
    }

    [Fact]
    public void Another_key_another_installation_and_a_chain_broken_under_an_intact_head_are_each_named()
    {
        using var ours = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var theirs = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Chain(6);

        Audit(entries, Sign(ours, entries[4]), ours).Intact.ShouldBeTrue("a checkpoint of an earlier size holds while the log grows past it");
        var foreign = Audit(entries, Sign(theirs, entries[^1]), ours).Checkpoints.Single();
        foreign.Outcome.ShouldBe(CheckpointOutcome.UnknownKey);
        foreign.Problem!.ShouldContain("which is not a checkpoint key of this installation");
        Audit(entries, Sign(ours, entries[^1], "Boreal Devices Oy"), ours).Checkpoints.Single().Problem!
            .ShouldContain("is of the log of 'Boreal Devices Oy', not of this installation ('Aurora Medical Instruments AB')");

        // Entry 2 changed in place, its hash left: the head (entry 6) still matches, the chain before it does not.
        var checkpoint = Sign(ours, entries[^1]);
        typeof(AccessLogEntry).GetProperty(nameof(AccessLogEntry.Detail))!.SetValue(entries[1], "entry 2, edited");
        var verdict = Audit(entries, checkpoint, ours);
        verdict.Chain.FirstBroken.ShouldBe(2);
        verdict.Checkpoints.Single().Outcome.ShouldBe(CheckpointOutcome.Rewritten);
        verdict.Checkpoints.Single().Problem!.ShouldContain("entry 6 still has the head hash of the checkpoint signed 2026-12-07 14:00 UTC (file), but the chain before it breaks at entry 2");
        verdict.Entries.ShouldBe(6, "the audit reads on past the break");
    }

    [Fact]
    public void A_check_resumed_after_a_verified_prefix_reads_only_newer_entries_and_still_catches_their_changes_and_a_checkpoint_inside_the_prefix()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = new HashSet<string> { Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())) };
        var entries = Chain(10);
        var full = new AccessLogAudit([], Origin, keys);
        entries.Take(6).ToList().ForEach(full.Add);
        var prefix = full.Finish();
        prefix.HeadHash.ShouldBe(entries[5].Hash);
        prefix.ResumedAfter.ShouldBe(0);

        // Resumed from entry 6: fed entries 7–10 only; a checkpoint at entry 4 (inside the prefix) is told its hash.
        var inside = Sign(key, entries[3]);
        var atEnd = Sign(key, entries[9]);
        LogVerdict Resume(IEnumerable<AccessLogEntry> newer, string hashAt4)
        {
            var audit = new AccessLogAudit([("db", inside), ("file", atEnd)], Origin, keys, (6, prefix.HeadHash!));
            audit.SizesInPrefix.ShouldBe([4]);
            audit.Known(4, hashAt4);
            foreach (var entry in newer)
            {
                audit.Add(entry);
            }

            return audit.Finish();
        }

        var resumed = Resume(entries.Skip(6), entries[3].Hash);
        resumed.Intact.ShouldBeTrue();
        (resumed.Entries, resumed.Chain.Checked, resumed.ResumedAfter, resumed.HeadHash).ShouldBe((10L, 10L, 6L, entries[9].Hash));

        Resume(entries.Skip(6), "0000000000000000").Checkpoints.Single(c => c.Source == "db").Outcome.ShouldBe(CheckpointOutcome.Rewritten);
        Resume(entries.Skip(7), entries[3].Hash).Chain.FirstBroken.ShouldBe(7, "entry 7 missing right after the prefix");
        typeof(AccessLogEntry).GetProperty(nameof(AccessLogEntry.Detail))!.SetValue(entries[8], "entry 9, edited");
        var edited = Resume(entries.Skip(6), entries[3].Hash);
        (edited.Chain.FirstBroken, edited.HeadHash).ShouldBe((9L, null));
    }
}

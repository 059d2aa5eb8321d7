using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Vault;

namespace SecondSource.Domain.Tests.Vault;

/// <summary>The access rule (live grant and live NDA), download links, drift and fixtures, as pure domain logic.</summary>
public sealed class VaultAccessRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly PartyId Cm = new(Guid.NewGuid());

    private static Artifact Gerbers(int revisions)
    {
        var artifact = Artifact.Create(Guid.NewGuid(), ArtifactKind.Gerbers, "Gerbers", Now.AddDays(-30), "eng");
        for (var i = 1; i <= revisions; i++)
        {
            artifact.AddRevision(new StoredFile(new string((char)('a' + i), 64), 10, $"g{i}.zip", "application/zip"), null, Now.AddDays(-30 + i), "eng");
        }

        return artifact;
    }

    private static Nda NdaUntil(DateOnly lastDay, PartyId? party = null) =>
        Nda.Record(party ?? Cm, "VSM-200 documentation", new DateOnly(2026, 1, 5), lastDay, new StoredFile(new string('f', 64), 100, "nda.pdf", "application/pdf"), Now, "admin");

    private static VaultGrant Grant(Artifact artifact, ArtifactRevision? pinned = null, int days = 30) =>
        VaultGrant.Give(artifact, pinned, Guid.NewGuid(), Cm, Now, Now.AddDays(days), Now, "eng");

    [Fact]
    public void Access_needs_a_live_grant_and_a_live_NDA_at_the_same_instant()
    {
        var grant = Grant(Gerbers(1));
        var nda = NdaUntil(new DateOnly(2026, 12, 10));

        VaultAccess.Decide(null, [nda], Now).ShouldBe(AccessVerdict.NoGrant);
        VaultAccess.Decide(grant, [], Now).ShouldBe(AccessVerdict.NoNda);
        VaultAccess.Decide(grant, [NdaUntil(new DateOnly(2027, 1, 1), new PartyId(Guid.NewGuid()))], Now).ShouldBe(AccessVerdict.NoNda, "another manufacturer's NDA does not count");
        VaultAccess.Decide(grant, [nda], Now).ShouldBe(AccessVerdict.Allowed);
        VaultAccess.Decide(grant, [nda], Now.AddTicks(-1)).ShouldBe(AccessVerdict.GrantNotStarted);

        // The NDA holds through its last day (UTC) and stops at midnight after it.
        VaultAccess.Decide(grant, [nda], new DateTimeOffset(2026, 12, 10, 23, 59, 59, TimeSpan.Zero)).ShouldBe(AccessVerdict.Allowed);
        VaultAccess.Decide(grant, [nda], new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero)).ShouldBe(AccessVerdict.NdaExpired);
        VaultAccess.Decide(grant, [nda, NdaUntil(new DateOnly(2027, 12, 31))], new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero)).ShouldBe(AccessVerdict.Allowed, "a renewed NDA carries on");

        // The grant ends at its end, exclusive, and at revocation.
        VaultAccess.Decide(grant, [NdaUntil(new DateOnly(2027, 12, 31))], Now.AddDays(30)).ShouldBe(AccessVerdict.GrantEnded);
        grant.Revoke("supplier change", Now.AddDays(1), "admin");
        VaultAccess.Decide(grant, [nda], Now.AddDays(1)).ShouldBe(AccessVerdict.GrantRevoked);
        Should.Throw<DomainException>(() => grant.Revoke("again", Now.AddDays(2), "admin")).Message.ShouldContain("already revoked");
    }

    [Fact]
    public void A_grant_covers_the_latest_revision_or_exactly_its_pinned_one()
    {
        var artifact = Gerbers(2);
        var (first, second) = (artifact.Revisions[0], artifact.Revisions[1]);

        var latest = Grant(artifact);
        latest.Covers(second, 2).ShouldBeTrue();
        latest.Covers(first, 2).ShouldBeFalse();
        latest.Covers(second, 3).ShouldBeFalse("once a third revision exists the grant moves on to it");

        var pinned = Grant(artifact, first);
        pinned.Covers(first, 2).ShouldBeTrue();
        pinned.Covers(second, 2).ShouldBeFalse();

        Should.Throw<DomainException>(() => Grant(artifact, Gerbers(1).Revisions[0])).Message.ShouldContain("not a revision of Gerbers");
        Should.Throw<DomainException>(() => Grant(Gerbers(0))).Message.ShouldContain("no revision to grant");
        Should.Throw<DomainException>(() => Grant(artifact, days: 0)).Message.ShouldContain("end after it starts");
    }

    [Fact]
    public void An_NDA_needs_its_dates_in_order_and_not_in_the_future()
    {
        Should.Throw<DomainException>(() => NdaUntil(new DateOnly(2026, 1, 5))).Message.ShouldContain("must be after the day it was signed");
        Should.Throw<DomainException>(() => Nda.Record(Cm, "x", new DateOnly(2026, 12, 1), new DateOnly(2027, 12, 1), new StoredFile(new string('f', 64), 1, "n.pdf", "application/pdf"), Now, "admin"))
            .Message.ShouldContain("cannot be signed in the future");
        NdaUntil(new DateOnly(2026, 12, 19)).DaysLeftAt(Now).ShouldBe(21);
    }

    [Fact]
    public void A_download_link_is_for_one_person_once_for_five_minutes_and_only_its_hash_is_kept()
    {
        var (link, token) = DownloadLink.Issue(Guid.NewGuid(), Cm, "anna@vistula.example", Now);

        link.TokenHash.ShouldBe(DownloadLink.HashOf(token));
        link.TokenHash.ShouldNotContain(token);
        token.Length.ShouldBe(64);
        link.Redeem("someone@vistula.example", Now).ShouldBe("the link was made for someone else");
        link.Redeem("ANNA@vistula.example", Now.AddMinutes(5)).ShouldBe("the link has expired");
        link.Redeem("anna@vistula.example", Now.AddMinutes(4)).ShouldBeNull();
        link.Redeem("anna@vistula.example", Now.AddMinutes(4)).ShouldBe("the link was already used");
        DownloadLink.Issue(Guid.NewGuid(), Cm, "anna@vistula.example", Now).Token.ShouldNotBe(token);
    }

    [Fact]
    public void Drift_is_aged_from_the_first_revision_the_line_has_not_taken()
    {
        (int, DateTimeOffset)[] revisions = [(1, Now.AddDays(-40)), (2, Now.AddDays(-12)), (3, Now.AddDays(-2))];

        LineSync.Judge([], true, null, Now).State.ShouldBe(SyncState.Missing);
        LineSync.Judge(revisions, false, null, Now).State.ShouldBe(SyncState.NotGranted);
        LineSync.Judge(revisions, true, null, Now).ShouldBe(new SyncStatus(SyncState.NotAcknowledged, 3, null, null));
        LineSync.Judge(revisions, true, 3, Now).ShouldBe(new SyncStatus(SyncState.Current, 3, 3, null));
        var behind = LineSync.Judge(revisions, true, 1, Now);
        behind.ShouldBe(new SyncStatus(SyncState.Behind, 3, 1, TimeSpan.FromDays(12)));
        behind.Describe().ShouldBe("on rev 1, rev 3 released 12 d ago");
        LineSync.Judge(revisions, false, 2, Now).ShouldBe(new SyncStatus(SyncState.Behind, 3, 2, TimeSpan.FromDays(2)), "drift shows even after access ended");
    }

    [Fact]
    public void Fixtures_only_documented_or_pulled_or_long_unverified_are_flagged()
    {
        var line = Guid.NewGuid();
        var fixture = LineFixture.Create(Guid.NewGuid(), line, Cm, "FCT rig", FixtureState.DocumentedOnly, null, null, "drawings sent", Now, "eng");
        fixture.WarningAt(Now)!.ShouldContain("only documented, not replicated");

        Should.Throw<DomainException>(() => fixture.Update(FixtureState.Replicated, "VE-FCT-7", null, null, Now, "eng")).Message.ShouldContain("physical id and the date");
        Should.Throw<DomainException>(() => fixture.Update(FixtureState.Replicated, "VE-FCT-7", new DateOnly(2026, 11, 29), null, Now, "eng")).Message.ShouldContain("in the future");
        fixture.Update(FixtureState.Replicated, "VE-FCT-7", new DateOnly(2026, 11, 1), null, Now, "eng");
        fixture.WarningAt(Now).ShouldBeNull();
        fixture.WarningAt(Now.AddDays(LineFixture.VerificationDays))!.ShouldContain("more than a year ago");

        fixture.Update(FixtureState.Pulled, null, null, "sent back for repair", Now, "eng");
        fixture.WarningAt(Now).ShouldBe("pulled from the line");
    }

    [Fact]
    public void A_log_entry_detail_is_hashed_and_an_entry_without_one_hashes_as_before()
    {
        var plain = AccessLogEntry.Next(null, Now, AccessAction.View, "a", "p", null, null, null, null);
        var detailed = AccessLogEntry.Next(null, Now, AccessAction.View, "a", "p", null, null, null, null, "package of VSM-200");

        // The canonical text of entries written before the detail existed: ten fields, in order.
        var before = $"1\n{AccessLogEntry.Genesis}\n{Now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}\nView\na\np\n\n\n\n";
        plain.Hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(before))));
        plain.Hash.ShouldNotBe(detailed.Hash);
        typeof(AccessLogEntry).GetProperty(nameof(AccessLogEntry.Detail))!.SetValue(detailed, "package of another product");
        detailed.ComputeHash().ShouldNotBe(detailed.Hash, "changing the detail breaks the entry");
    }

    [Fact]
    public void A_grants_effective_end_is_the_earlier_of_the_grant_and_the_nda_and_both_sides_are_warned_30_days_before()
    {
        var grant = Grant(Gerbers(1), days: 365);
        var soon = VaultAccess.EffectiveEnd(grant, [NdaUntil(new DateOnly(2026, 12, 19))], Now)!;
        soon.Cause.ShouldBe(AccessEndCause.Nda);
        soon.LastDay.ShouldBe(new DateOnly(2026, 12, 19));
        soon.DaysLeft.ShouldBe(21);
        soon.Warn.ShouldBeTrue();
        soon.Describe().ShouldBe("until 2026-12-19 (the NDA ends, 21 days left)");

        var byGrant = VaultAccess.EffectiveEnd(Grant(Gerbers(1), days: 60), [NdaUntil(new DateOnly(2028, 1, 1))], Now)!;
        byGrant.Cause.ShouldBe(AccessEndCause.Grant);
        byGrant.LastDay.ShouldBe(DateOnly.FromDateTime(Now.AddDays(60).UtcDateTime.AddTicks(-1)));
        byGrant.Warn.ShouldBeFalse();

        VaultAccess.EffectiveEnd(grant, [], Now).ShouldBeNull("no live NDA, no access to end");
        VaultAccess.EffectiveEnd(grant, [NdaUntil(new DateOnly(2026, 11, 1))], Now).ShouldBeNull();
    }
}

public sealed class GoldenUnitListTests
{
    [Fact]
    public void The_edited_list_is_parsed_per_line_and_a_bad_line_is_named()
    {
        var units = GoldenUnitList.Parse("AUR-1; Lund, lab 2; reference\r\n\r\n  AUR-2 ;Gdansk, QA cage  \nAUR-3; in transit; DHL 1234; fragile");

        units.ShouldBe([new GoldenUnit("AUR-1", "Lund, lab 2", "reference"), new GoldenUnit("AUR-2", "Gdansk, QA cage", null), new GoldenUnit("AUR-3", "in transit", "DHL 1234; fragile")]);
        GoldenUnitList.Format(units).ShouldBe("AUR-1; Lund, lab 2; reference\nAUR-2; Gdansk, QA cage\nAUR-3; in transit; DHL 1234; fragile");
        Should.Throw<DomainException>(() => GoldenUnitList.Parse("AUR-1; Lund\nAUR-2")).Message.ShouldBe("Line 2: write 'serial; location; note' (the serial number and where the unit is are required).");
        Should.Throw<DomainException>(() => GoldenUnitList.Parse("AUR-1; Lund\naur-1; Gdansk")).Message.ShouldBe("Line 2: serial number aur-1 is listed twice.");
        Should.Throw<DomainException>(() => GoldenUnitList.Parse(" \n ")).Message.ShouldContain("at least one");
    }
}

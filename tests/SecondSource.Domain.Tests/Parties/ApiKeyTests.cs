using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Tests.Parties;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly PartyId Party = PartyId.New();

    [Fact]
    public void An_issued_key_matches_its_token_and_stores_only_a_hash()
    {
        var (key, token) = ApiKey.Issue(Party, "ICT station 2", "admin@example.com", Now);

        key.Matches(token).ShouldBeTrue();
        key.Prefix.ShouldBe(token.Prefix);
        key.SecretHash.Length.ShouldBe(32);
        key.SecretHash.ShouldNotBe(System.Text.Encoding.UTF8.GetBytes(token.Secret));
        key.IsActiveAt(Now).ShouldBeTrue();
    }

    [Fact]
    public void A_token_with_the_right_prefix_but_another_secret_does_not_match()
    {
        var (key, token) = ApiKey.Issue(Party, "ICT", "admin", Now);
        var forged = token with { Secret = ApiKeyToken.Generate().Secret };

        key.Matches(forged).ShouldBeFalse();
    }

    [Fact]
    public void A_revoked_key_is_inactive_and_keeps_its_first_revocation()
    {
        var (key, _) = ApiKey.Issue(Party, "ICT", "admin", Now);

        key.Revoke("alice", Now.AddHours(1));
        key.Revoke("bob", Now.AddHours(2));

        key.IsActiveAt(Now.AddHours(3)).ShouldBeFalse();
        key.RevokedBy.ShouldBe("alice");
        key.RevokedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void A_key_expires_at_its_expiry_instant()
    {
        var (key, _) = ApiKey.Issue(Party, "ICT", "admin", Now, Now.AddDays(30));

        key.IsActiveAt(Now.AddDays(30).AddTicks(-1)).ShouldBeTrue();
        key.IsActiveAt(Now.AddDays(30)).ShouldBeFalse();
    }

    [Fact]
    public void An_expiry_in_the_past_is_refused()
    {
        Should.Throw<DomainException>(() => ApiKey.Issue(Party, "ICT", "admin", Now, Now.AddMinutes(-1))).Message.ShouldContain("not in the future");
    }

    [Fact]
    public void Uses_are_recorded_at_most_once_a_minute()
    {
        var (key, _) = ApiKey.Issue(Party, "ICT", "admin", Now);

        key.RecordUse(Now).ShouldBeTrue();
        key.RecordUse(Now.AddSeconds(59)).ShouldBeFalse();
        key.RecordUse(Now.AddSeconds(60)).ShouldBeTrue();
        key.LastUsedAt.ShouldBe(Now.AddSeconds(60));
    }
}

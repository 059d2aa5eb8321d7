using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Tests.Parties;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void A_generated_token_parses_back_to_itself()
    {
        var token = ApiKeyToken.Generate();

        ApiKeyToken.TryParse(token.Value, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(token);
        token.Value.ShouldStartWith("ssk_");
        token.Prefix.Length.ShouldBe(12);
        token.Secret.Length.ShouldBe(43); // 32 random bytes in unpadded base64url
    }

    [Fact]
    public void Two_tokens_differ()
    {
        ApiKeyToken.Generate().ShouldNotBe(ApiKeyToken.Generate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("ssk_")]
    [InlineData("ssk_0123456789ab")]
    [InlineData("ssk_0123456789ab_")]
    [InlineData("ssk_0123456789AB_secret")]
    [InlineData("ssk_0123456789ab_sec ret")]
    [InlineData("ssk_0123456789ab_sec/ret")]
    public void Text_without_the_token_shape_is_refused(string? text)
    {
        ApiKeyToken.TryParse(text, out var token).ShouldBeFalse();
        token.ShouldBeNull();
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var token = ApiKeyToken.Generate();

        token.ToString().ShouldNotContain(token.Secret);
    }
}

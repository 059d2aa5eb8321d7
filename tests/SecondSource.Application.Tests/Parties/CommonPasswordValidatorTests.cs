using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Parties;

/// <summary>
/// The common-password check against the NCSC's top 100,000 (Parties/Data/README.md). Expected values looked up by
/// hand in the list: "1qaz2wsx3edc" is line 350, "qwerty123456" line 753, "password" line 4; "password1234" and
/// "a-good-long-password" are not on it.
/// </summary>
public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("1qaz2wsx3edc", true)]          // on the list
    [InlineData("QWERTY123456", true)]          // on the list, whatever the case
    [InlineData("password1234", true)]          // "password" stretched with digits (the tester's finding)
    [InlineData("!!Password2024!!", true)]      // and with symbols on both sides
    [InlineData("a-good-long-password", false)]
    [InlineData("tidy-walrus-orbit-42", false)]
    public void A_listed_password_or_a_listed_word_with_digits_and_symbols_is_common(string password, bool common) =>
        CommonPasswordValidator.IsCommon(password).ShouldBe(common);

    [Fact]
    public async Task Adding_a_person_with_a_common_password_is_refused_with_the_reason_and_nothing_stored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var party = (await scope.ServiceProvider.GetRequiredService<CreateManufacturerHandler>().HandleAsync(new CreateManufacturerRequest("Glasgow Assembly Ltd"), CancellationToken.None)).Value!;
        var refused = await scope.ServiceProvider.GetRequiredService<AddUserHandler>().HandleAsync(
            new AddUserRequest("pat@glasgow-assembly.example", "Pat", Role.Member, "password1234", party.Id), CancellationToken.None);
        refused.Failure!.Message.ShouldContain("one of the most common in breaches");
        (await scope.ServiceProvider.GetRequiredService<UserQueries>().ListAsync(CancellationToken.None)).ShouldNotContain(u => u.Email == "pat@glasgow-assembly.example");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// Recording operator training changes the warmth signals the other page tests read, so it runs on its own
/// application (its own fixture) and cannot race them.
/// </summary>
public sealed class OperatorTrainingPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_second_line_records_operator_training_and_the_lapsed_signal_goes()
    {
        var program = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Programs.Select(p => p.Id).SingleAsync());
        var url = $"/Programs/Details?id={program}";
        using var vistula = await app.SignedInAsync("Member", "Vistula");
        using var future = await vistula.SubmitFormAsync(url, new Dictionary<string, string> { ["person"] = "P. Zieliński", ["skill"] = "FCT", ["trained"] = "2099-01-01" }, "[data-testid=training-form]");
        (await vistula.GetDocumentAsync(url)).QuerySelector(".alert.error")!.TextContent.ShouldContain("cannot be in the future");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var done = await vistula.SubmitFormAsync(url, new Dictionary<string, string> { ["person"] = "p. zieliński", ["skill"] = "FCT", ["trained"] = today }, "[data-testid=training-form]");
        done.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await vistula.GetDocumentAsync(url)).QuerySelector("[data-testid=warmth] tr[data-state]")!.TextContent.ShouldNotContain("operator training");

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        (await pearl.GetDocumentAsync(url)).QuerySelector("[data-testid=training-form]").ShouldBeNull("the primary has no second line here to record for");
    }
}

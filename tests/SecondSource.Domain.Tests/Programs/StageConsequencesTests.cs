using SecondSource.Domain.Programs;

namespace SecondSource.Domain.Tests.Programs;

/// <summary>What the stage-change confirmation says a move does; it may say only what the product then does differently.</summary>
public sealed class StageConsequencesTests
{
    [Fact]
    public void Suspending_the_primary_says_the_product_has_no_primary_in_production()
    {
        var said = ProgramLine.ConsequencesOf(LineRole.Primary, LineStage.Production, LineStage.Suspended);
        said.ShouldContain(c => c.Contains("no volume", StringComparison.Ordinal));
        said.ShouldContain(c => c.Contains("no primary in production", StringComparison.Ordinal));
    }

    [Fact]
    public void Dropping_a_candidate_claims_no_loss_it_never_had()
    {
        var said = ProgramLine.ConsequencesOf(LineRole.SecondSource, LineStage.Candidate, LineStage.Suspended);
        said.ShouldNotContain(c => c.Contains("no longer count", StringComparison.Ordinal));
        said[0].ShouldContain("took no volume");
    }

    [Fact]
    public void Moving_a_second_source_back_and_out_of_suspension_says_so()
    {
        ProgramLine.ConsequencesOf(LineRole.SecondSource, LineStage.Ramp, LineStage.Pilot)[0].ShouldBe("The line goes back from ramp to pilot.");
        ProgramLine.ConsequencesOf(LineRole.SecondSource, LineStage.Suspended, LineStage.Transfer)[0].ShouldContain("takes volume in the plan again");
    }
}

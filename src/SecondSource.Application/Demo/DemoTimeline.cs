namespace SecondSource.Application.Demo;

/// <summary>
/// The demo's one story, in date order, so every seeder dates its events from the same calendar: the program starts
/// with the primary in production; three candidates are added and assessed; the EU line is chosen (Transfer); it builds
/// its pilot a year ago against the primary's golden samples, passes the pilot gate (Ramp) and enters Production with a
/// monthly share; Rev B of the main board is released; the second line is back in Pilot to requalify on Rev B, which is
/// where the pilot gate stands today. <see cref="YearStart"/> is where the year of test data begins.
/// </summary>
public sealed record DemoTimeline(DateTimeOffset Now)
{
    /// <summary>The first day of this month, a year ago: the start of the year of test data.</summary>
    public DateTimeOffset YearStart => new(Now.Year - 1, Now.Month, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset ProgramStarted => YearStart.AddDays(-120);

    public DateTimeOffset CandidatesAdded => YearStart.AddDays(-110);

    public DateTimeOffset CandidatesAssessed => YearStart.AddDays(-80);

    public DateTimeOffset SecondSourceChosen => YearStart.AddDays(-60);

    /// <summary>The first pilot build (VE-PILOT) starts on day 10 of the year of test data.</summary>
    public DateTimeOffset FirstPilot => YearStart.AddDays(8);

    public DateTimeOffset PilotGatePassed => YearStart.AddDays(25);

    public DateTimeOffset InProduction => YearStart.AddDays(60);

    /// <summary>Rev B of the main board imported, and released the next day.</summary>
    public DateTimeOffset RevBImported => Now.AddDays(-95);

    public DateTimeOffset RevBReleased => Now.AddDays(-94);

    /// <summary>Firmware 2.5.0's image in the vault, two weeks ago.</summary>
    public DateTimeOffset Firmware250 => Now.AddDays(-14);

    /// <summary>Back in Pilot to requalify on Rev B.</summary>
    public DateTimeOffset Requalification => Now.AddDays(-30);
}

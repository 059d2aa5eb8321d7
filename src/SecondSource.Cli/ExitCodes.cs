namespace SecondSource.Cli;

/// <summary>The exit codes every command uses (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and found something at or above --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or bad input: the message says what to change.</summary>
    public const int UsageOrInput = 2;

    /// <summary>Something failed that the user could not have prevented (database down, a bug).</summary>
    public const int Unexpected = 3;
}

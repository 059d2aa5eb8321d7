namespace SecondSource.Cli;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
/// <param name="In">Standard input (passwords with --password-stdin).</param>
/// <param name="Out">Results.</param>
/// <param name="Error">Messages and progress.</param>
/// <param name="InputRedirected">True when standard input is not a terminal, so no prompt can be shown.</param>
/// <param name="OutputIsTerminal">True when standard output is a terminal (colour allowed).</param>
/// <param name="RawOut">Standard output as bytes, for large machine-readable reports; null to write through <paramref name="Out"/>.</param>
/// <param name="Width">The terminal's width in columns when standard output is one; null when piped (tables at full width).</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal: progress lines are shown there.</param>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool InputRedirected, bool OutputIsTerminal = false, Stream? RawOut = null,
    int? Width = null, bool ErrorIsTerminal = false);

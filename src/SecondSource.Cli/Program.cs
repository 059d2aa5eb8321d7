using SecondSource.Cli;

await using var stdout = Console.OpenStandardOutput();
// Colour only on a terminal and never with NO_COLOR (no-color.org); tables fitted to the terminal's width, full width in a pipe.
var colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
int? width = Console.IsOutputRedirected ? null : Console.WindowWidth is > 20 and var w ? w : null;
return await CliApp.RunAsync(args, new CliConsole(Console.In, Console.Out, Console.Error, Console.IsInputRedirected, colour, stdout, width, !Console.IsErrorRedirected),
    Environment.GetEnvironmentVariables());

using SecondSource.Cli;

await using var stdout = Console.OpenStandardOutput();
var terminal = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
return await CliApp.RunAsync(args, new CliConsole(Console.In, Console.Out, Console.Error, Console.IsInputRedirected, terminal, stdout), Environment.GetEnvironmentVariables());

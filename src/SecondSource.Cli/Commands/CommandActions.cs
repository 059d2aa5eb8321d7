using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application;
using SecondSource.Application.Boms;

namespace SecondSource.Cli.Commands;

/// <summary>Shared plumbing for command actions: a service scope per invocation, and failures as exit code 2.</summary>
internal static class CommandActions
{
    /// <summary>Sets an action that runs in a fresh service scope.</summary>
    public static void SetScopedAction(this Command command, CliContext context, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parsed, ct) =>
        {
            await using var provider = context.BuildServices(parsed);
            await using var scope = provider.CreateAsyncScope();
            return await action(parsed, scope.ServiceProvider, ct);
        });

    /// <summary>Writes an expected failure to stderr and returns exit code 2.</summary>
    public static async Task<int> FailAsync(this CliContext context, Failure failure)
    {
        await context.Console.Error.WriteLineAsync($"secondsource: {failure.Message}");
        return ExitCodes.UsageOrInput;
    }

    /// <summary>The product a command names (its code or id); none or several is a usage error.</summary>
    public static Task<ProductRef> ProductAsync(IServiceProvider services, string which, CancellationToken ct) => Resolve.ProductAsync(services, which, ct);

    /// <summary>A stored revision of a product the user named (resolved as <see cref="Resolve.ProductAsync"/> does).</summary>
    public static async Task<Result<(ProductRef Product, BomRevisionSummary Revision)>> RevisionAsync(IServiceProvider services, string product, string revision, CancellationToken ct)
    {
        var found = await Resolve.ProductAsync(services, product, ct);
        return await services.GetRequiredService<BomRevisionQueries>().FindRevisionAsync(found.Id.ToString(), revision, ct);
    }

    /// <summary>Opens an input file for reading; a missing or unreadable file is a usage error naming it.</summary>
    public static FileStream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
        }
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Write the result as JSON on stdout." };
}

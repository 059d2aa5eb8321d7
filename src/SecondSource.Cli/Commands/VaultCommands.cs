using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource vault put|list|get</c> and <c>audit verify</c>: the transfer-package vault and its access log.</summary>
internal static class VaultCommands
{
    private static string Who => $"cli:{Environment.UserName}";

    public static Command Vault(CliContext context)
    {
        var vault = new Command("vault", "The transfer-package vault: versioned artifacts stored by SHA-256.");
        vault.Subcommands.Add(Put(context));
        vault.Subcommands.Add(List(context));
        vault.Subcommands.Add(Get(context));
        return vault;
    }

    public static Command Audit(CliContext context)
    {
        var audit = new Command("audit", "The vault's hash-chained access log.");
        var verify = new Command("verify", "Recompute the access log's hash chain; exit 1 naming the first broken entry.");
        verify.SetScopedAction(context, async (_, services, ct) =>
        {
            var verdict = await services.GetRequiredService<VaultQueries>().VerifyLogAsync(ct);
            if (verdict.Intact)
            {
                await context.Console.Out.WriteLineAsync($"The access log verifies: {verdict.Checked} entries, unchanged, in order, none missing.");
                return ExitCodes.Ok;
            }

            await context.Console.Error.WriteLineAsync($"The access log is broken at entry {verdict.FirstBroken}: {verdict.Reason}. The {verdict.Checked} entries before it verify.");
            return ExitCodes.Findings;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static Command Put(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product's code (e.g. AUR-VSM200) or id." };
        var kind = new Argument<string>("kind") { Description = "The checklist item: " + string.Join(", ", Enum.GetNames<ArtifactKind>()) + "." };
        var file = new Argument<string>("file") { Description = "The file to store as the item's next revision." };
        var note = new Option<string?>("--note") { Description = "What changed in this revision." };
        var put = new Command("put", "Store a file as the next revision of a product's checklist item.") { product, kind, file, note };
        put.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await services.GetRequiredService<BomRevisionQueries>().FindProductAsync(parsed.GetValue(product)!, ct)
                ?? throw new CliUsageException($"There is no single product '{parsed.GetValue(product)}'.");
            if (!Enum.TryParse<ArtifactKind>(parsed.GetValue(kind), ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
            {
                throw new CliUsageException($"'{parsed.GetValue(kind)}' is not a checklist item; use one of: {string.Join(", ", Enum.GetNames<ArtifactKind>())}.");
            }

            var path = parsed.GetValue(file)!;
            StoredFile stored;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                if (stream.Length > VaultStore.MaxFileBytes)
                {
                    throw new CliUsageException($"{path} is larger than the vault's limit of {VaultStore.MaxFileBytes >> 20} MiB.");
                }

                var content = await services.GetRequiredService<VaultStore>().StoreAsync(stream, ct);
                stored = StoredFile.Of(content.Sha256, content.Size, Path.GetFileName(path), null, VaultStore.MaxFileBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
            }

            var result = await services.GetRequiredService<UploadArtifactRevisionHandler>().HandleAsync(
                new UploadArtifactRevisionRequest(target.Id, chosen, stored, parsed.GetValue(note), new Actor(Who, "command line", null)), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"{stored.FileName} is revision {result.Value!.Number} of {ArtifactKinds.Name(chosen)} for {target.Code} (SHA-256 {stored.Sha256}); revision id {result.Value.RevisionId}.");
            return ExitCodes.Ok;
        });
        return put;
    }

    private static Command List(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product's code (e.g. AUR-VSM200) or id." };
        var json = CommandActions.JsonOption();
        var list = new Command("list", "A product's transfer package against the checklist: latest revision of each item, or missing.") { product, json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await services.GetRequiredService<BomRevisionQueries>().FindProductAsync(parsed.GetValue(product)!, ct)
                ?? throw new CliUsageException($"There is no single product '{parsed.GetValue(product)}'.");
            var items = await services.GetRequiredService<VaultQueries>().PackageAsync(target.Id, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, items);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Item", "Revision", "File", "Size", "SHA-256", "Revision id"], items.Select(i => (IReadOnlyList<string>)(i.Latest is { } r
                ? [i.Name, r.Number.ToString(CultureInfo.InvariantCulture), r.FileName, r.Size.ToString(CultureInfo.InvariantCulture), r.Sha256[..12], r.Id.ToString()]
                : [i.Name, "missing", "", "", "", ""])));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Get(CliContext context)
    {
        var revision = new Argument<Guid>("revision") { Description = "The revision's id ('vault list' shows them)." };
        var output = new Option<string>("--out") { Description = "The file to write; it must not exist yet.", Required = true };
        var get = new Command("get", "Fetch a revision's content (logged in the access log).") { revision, output };
        get.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = parsed.GetValue(output)!;
            if (File.Exists(target))
            {
                throw new CliUsageException($"{target} exists; the vault never overwrites a file.");
            }

            var result = await services.GetRequiredService<OpenArtifactRevisionHandler>().HandleAsync(new OpenArtifactRevisionRequest(parsed.GetValue(revision), new Actor(Who, "command line", null)), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await using (var content = result.Value!.Content)
            await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
            {
                await content.CopyToAsync(file, ct);
            }

            await context.Console.Out.WriteLineAsync($"Wrote {target} ({result.Value.FileName}, SHA-256 {result.Value.Sha256}).");
            return ExitCodes.Ok;
        });
        return get;
    }
}

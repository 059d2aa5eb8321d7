using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Parties;
using SecondSource.Domain.Parties;
using SecondSource.Application.Vault;
using SecondSource.Domain.Vault;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource vault put|list|get|grant|revoke|grants|nda</c> and <c>audit verify</c>: the transfer-package vault, its grants and its access log.</summary>
internal static class VaultCommands
{
    private static string Who => $"cli:{Environment.UserName}";

    public static Command Vault(CliContext context)
    {
        var vault = new Command("vault", "The transfer-package vault: versioned artifacts stored by SHA-256.");
        vault.Subcommands.Add(Put(context));
        vault.Subcommands.Add(List(context));
        vault.Subcommands.Add(Get(context));
        vault.Subcommands.Add(Grant(context));
        vault.Subcommands.Add(Revoke(context));
        vault.Subcommands.Add(Grants(context));
        vault.Subcommands.Add(Nda(context));
        return vault;
    }

    public static Command Audit(CliContext context)
    {
        var audit = new Command("audit", "The vault's hash-chained access log and its signed checkpoints.");
        audit.Subcommands.Add(Verify(context));
        audit.Subcommands.Add(Checkpoint(context));
        return audit;
    }

    private static Command Verify(CliContext context)
    {
        var json = CommandActions.JsonOption();
        var checkpoints = new Option<string[]>("--checkpoint")
        {
            Description = "A checkpoint file kept off the server (or a folder of them: its newest), to check the log against besides the newest in the database and the checkpoint folder. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var verify = new Command("verify", "Recompute the access log's hash chain and check it against the newest signed checkpoints; exit 1 naming the first broken entry and each checkpoint the log contradicts.") { checkpoints, json };
        verify.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<VerifyAccessLogHandler>().HandleAsync(new VerifyAccessLogRequest(parsed.GetValue(checkpoints) ?? []), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var verdict = result.Value!;
            var chain = verdict.Chain;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new
                {
                    intact = verdict.Intact,
                    entries = chain.Checked,
                    firstBroken = chain.FirstBroken,
                    reason = chain.Reason,
                    checkpoints = verdict.Checkpoints.Select(c => new
                    {
                        source = c.Source,
                        size = c.Checkpoint.Size,
                        head = c.Checkpoint.Head,
                        signedAt = c.Checkpoint.SignedAt,
                        key = c.Checkpoint.KeyName,
                        keyFingerprint = c.Checkpoint.KeyFingerprint,
                        holds = c.Holds,
                        outcome = c.Outcome.ToString(),
                        problem = c.Problem,
                    }),
                });
                return verdict.Intact ? ExitCodes.Ok : ExitCodes.Findings;
            }

            if (chain.Intact)
            {
                await context.Console.Out.WriteLineAsync($"The access log's hash chain verifies: {chain.Checked} entries, unchanged, in order, none missing between them.");
            }
            else
            {
                await context.Console.Error.WriteLineAsync($"The access log is broken at entry {chain.FirstBroken}: {chain.Reason}. The {chain.Checked} entries before it verify.");
            }

            foreach (var check in verdict.Checkpoints)
            {
                if (check.Holds)
                {
                    await context.Console.Out.WriteLineAsync($"It agrees with the checkpoint signed {check.Checkpoint.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC over {check.Checkpoint.Size} entries ({check.Source}), key {check.Checkpoint.KeyFingerprint[..16]}….");
                }
                else
                {
                    await context.Console.Error.WriteLineAsync($"Checkpoint contradicted: {check.Problem}");
                }
            }

            if (verdict.Checkpoints.Count == 0)
            {
                await context.Console.Out.WriteLineAsync("No signed checkpoint was found, so entries cut from the end of the log would not show; sign one with 'secondsource audit checkpoint'.");
            }

            return verdict.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return verify;
    }

    private static Command Checkpoint(CliContext context)
    {
        var json = CommandActions.JsonOption();
        var checkpoint = new Command("checkpoint", "Sign the access log's size and head hash with the checkpoint key in custody, into the database and the checkpoint folder (Audit:CheckpointFolder); the web app does it every hour.") { json };
        checkpoint.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<SignLogCheckpointHandler>().HandleAsync(new SignLogCheckpointRequest(CliActor), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var (signed, file, isNew) = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new { signed = isNew, size = signed.Size, head = signed.Head, signedAt = signed.SignedAt, key = signed.KeyName, keyFingerprint = signed.KeyFingerprint, file });
            }
            else
            {
                await context.Console.Out.WriteLineAsync(isNew
                    ? $"Signed a checkpoint of the access log: {signed.Size} entries, head {signed.Head[..16]}…, with '{signed.KeyName}' (fingerprint {signed.KeyFingerprint[..16]}…). Written to the database and {file}; keep a copy off this server."
                    : $"The access log has not grown since the checkpoint signed {signed.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({signed.Size} entries); it stands, in {file}.");
            }

            return ExitCodes.Ok;
        });
        return checkpoint;
    }

    private static Command Put(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var kind = new Argument<string>("kind") { Description = "The checklist item: " + string.Join(", ", Enum.GetNames<ArtifactKind>()) + "." };
        var file = new Argument<string>("file") { Description = "The file to store as the item's next revision." };
        var note = new Option<string?>("--note") { Description = "What changed in this revision." };
        var put = new Command("put", "Store a file as the next revision of a product's checklist item.") { product, kind, file, note };
        put.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await ProductAsync(services, parsed.GetValue(product)!, ct);
            var chosen = KindOf(parsed.GetValue(kind)!);

            var path = parsed.GetValue(file)!;
            StoredFile stored;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                if (stream.Length > VaultStore.MaxFileBytes)
                {
                    throw new CliUsageException($"{path} is larger than the vault's limit of {VaultStore.MaxFileBytes >> 20} MiB.");
                }

                stored = await services.GetRequiredService<VaultStore>().StoreFileAsync(stream, Path.GetFileName(path), null, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
            }

            var result = await services.GetRequiredService<UploadArtifactRevisionHandler>().HandleAsync(
                new UploadArtifactRevisionRequest(target.Id, chosen, stored, parsed.GetValue(note), CliActor), ct);
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
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var json = CommandActions.JsonOption();
        var list = new Command("list", "A product's transfer package against the checklist: latest revision of each item, or missing.") { product, json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await ProductAsync(services, parsed.GetValue(product)!, ct);
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
        var revision = CliValues.IdArgument("revision", "The revision's id ('vault list' shows them).");
        var output = new Option<string>("--out") { Description = "The file to write; it must not exist yet.", Required = true };
        var get = new Command("get", "Fetch a revision's content (logged in the access log).") { revision, output };
        get.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = parsed.GetValue(output)!;
            if (File.Exists(target))
            {
                throw new CliUsageException($"{target} exists; the vault never overwrites a file.");
            }

            var result = await services.GetRequiredService<OpenArtifactRevisionHandler>().HandleAsync(new OpenArtifactRevisionRequest(parsed.GetValue(revision), CliActor), ct);
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

    private static Actor CliActor => new(Who, "command line", null);

    private static Task<ProductRef> ProductAsync(IServiceProvider services, string text, CancellationToken ct) => CommandActions.ProductAsync(services, text, ct);

    /// <summary>A checklist item as 'vault list' names it ("Assembly drawing") or by its key (AssemblyDrawing), ignoring case and punctuation.</summary>
    private static ArtifactKind KindOf(string text) =>
        Resolve.One("checklist item", "kind", text, Enum.GetValues<ArtifactKind>(), _ => [], k => [k.ToString(), ArtifactKinds.Name(k)], k => $"{ArtifactKinds.Name(k)} ({k})",
            "'secondsource vault list PRODUCT' shows the checklist");


    private static Command Grant(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var kind = new Argument<string>("kind") { Description = "The checklist item: " + string.Join(", ", Enum.GetNames<ArtifactKind>()) + "." };
        var line = new Option<string>("--line") { Description = "The line: 'Manufacturer / Line', a unique part of it, or its id.", Required = true };
        var until = CliValues.DayOption("--until", "The last day of access (UTC)", required: true);
        var revision = CliValues.OptionalIntOption("--revision", "Pin this revision number (default: always the latest).", 1, int.MaxValue);
        var grant = new Command("grant", "Give a line access to a checklist item until a day (access also needs a live NDA).") { product, kind, line, until, revision };
        grant.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await ProductAsync(services, parsed.GetValue(product)!, ct);
            var chosen = KindOf(parsed.GetValue(kind)!);
            var lastDay = parsed.GetValue(until)!.Value;
            var lines = await services.GetRequiredService<VaultLines>().OfProductAsync(target.Id, ct);
            var found = Resolve.One("line", "--line", parsed.GetValue(line)!, lines, l => [l.Id], l => [l.Name], l => l.Name, $"'secondsource vault grants {target.Code}' shows {target.Code}'s lines");
            var result = await services.GetRequiredService<GrantAccessHandler>().HandleAsync(
                new GrantAccessRequest(target.Id, chosen, found.Id, parsed.GetValue(revision), lastDay, CliActor), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"{result.Value!.Line} has access to {result.Value.Artifact} of {target.Code} until {lastDay:yyyy-MM-dd} (with a live NDA); grant id {result.Value.GrantId}.");
            return ExitCodes.Ok;
        });
        return grant;
    }

    private static Command Revoke(CliContext context)
    {
        var id = CliValues.IdArgument("grant", "The grant's id ('vault grants' shows them).");
        var reason = new Option<string>("--reason") { Description = "Why access ends.", Required = true };
        var revoke = new Command("revoke", "End a grant now.") { id, reason };
        revoke.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<RevokeGrantHandler>().HandleAsync(new RevokeGrantRequest(parsed.GetValue(id), parsed.GetValue(reason)!, CliActor), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Revoked: {result.Value} has no access through grant {parsed.GetValue(id)} from now on.");
            return ExitCodes.Ok;
        });
        return revoke;
    }

    private static Command Grants(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var json = CommandActions.JsonOption();
        var grants = new Command("grants", "A product's grants: item, line, revision, period and whether they give access now.") { product, json };
        grants.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await ProductAsync(services, parsed.GetValue(product)!, ct);
            var rows = await services.GetRequiredService<VaultAccessQueries>().GrantsAsync(target.Id, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, rows);
                return ExitCodes.Ok;
            }

            await CliOutput.WriteTableAsync(context.Console.Out, ["Item", "Line", "Revision", "Until", "Now", "Grant id"], rows.Select(g => (IReadOnlyList<string>)
                [g.Artifact, g.Line, g.PinnedRevision is { } n ? $"rev {n}" : "latest", g.Until.AddTicks(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), VaultAccess.Describe(g.Verdict), g.Id.ToString()]));
            return ExitCodes.Ok;
        });
        return grants;
    }

    private static Command Nda(CliContext context)
    {
        var manufacturer = new Option<string>("--manufacturer") { Description = "The manufacturer's name.", Required = true };
        var scope = new Option<string>("--scope") { Description = "What the NDA covers.", Required = true };
        var signedOn = CliValues.DayOption("--signed", "The day it was signed", required: true);
        var expires = CliValues.DayOption("--expires", "Its last day in force", required: true);
        var document = new Option<string>("--document") { Description = "The signed document (stored in the vault by its hash).", Required = true };
        var nda = new Command("nda", "Record an NDA with a manufacturer, with its signed document.") { manufacturer, scope, signedOn, expires, document };
        nda.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var name = parsed.GetValue(manufacturer)!;
            var party = await services.GetRequiredService<PartyQueries>().FindByNameAsync(name, ct);
            if (party is null || party.Kind != PartyKind.Manufacturer)
            {
                throw new CliUsageException($"There is no manufacturer named '{name}'. 'secondsource party list' shows them.");
            }

            var signedDay = parsed.GetValue(signedOn)!.Value;
            var lastDay = parsed.GetValue(expires)!.Value;
            var path = parsed.GetValue(document)!;
            StoredFile stored;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                stored = await services.GetRequiredService<VaultStore>().StoreFileAsync(stream, Path.GetFileName(path), null, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "there is no such file." : ex.Message)}");
            }

            var result = await services.GetRequiredService<RecordNdaHandler>().HandleAsync(new RecordNdaRequest(party.Id, parsed.GetValue(scope)!, signedDay, lastDay, stored, CliActor), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"NDA with {party.Name} recorded: {signedDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}, document {stored.FileName} (SHA-256 {stored.Sha256}).");
            return ExitCodes.Ok;
        });
        return nda;
    }
}

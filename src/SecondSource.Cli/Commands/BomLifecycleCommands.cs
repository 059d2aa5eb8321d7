using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Vault;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Cli.Commands;

/// <summary><c>bom release|delete|diff</c>: a revision's lifecycle (draft → released) and the comparison of two revisions or two files.</summary>
internal static class BomLifecycleCommands
{
    private static Actor CliActor => new($"cli:{Environment.UserName}", "command line", null);

    /// <summary><c>bom release PRODUCT REVISION --note</c>: the draft becomes the product's current revision.</summary>
    public static Command Release(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var revision = new Argument<string>("revision") { Description = "The draft revision's label or id." };
        var note = new Option<string>("--note") { Description = "Why it is released (the change, the ECO): kept with the release and the vault revision.", Required = true };
        var json = CommandActions.JsonOption();
        var release = new Command("release", "Release a draft BOM revision: it becomes the product's current revision, and the lines are asked to acknowledge it in the vault.")
        {
            product, revision, note, json,
        };
        release.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var found = await CommandActions.RevisionAsync(services, parsed.GetValue(product)!, parsed.GetValue(revision)!, ct);
            if (found.Failure is { } notFound)
            {
                return await context.FailAsync(notFound);
            }

            var result = await services.GetRequiredService<ReleaseBomRevisionHandler>().HandleAsync(new ReleaseBomRevisionRequest(found.Value.Revision.Id, parsed.GetValue(note)!, CliActor), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var r = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, r);
                return ExitCodes.Ok;
            }

            await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Released '{r.Label}' of {found.Value.Product.Code} at {r.ReleasedAt:yyyy-MM-dd HH:mm}Z: it is the current revision. The vault's BOM and AVL item is at revision {r.VaultRevisionNumber}; the lines holding a grant were notified."));
            return ExitCodes.Ok;
        });
        return release;
    }

    /// <summary><c>bom delete PRODUCT REVISION</c>: removes a draft.</summary>
    public static Command Delete(CliContext context)
    {
        var product = new Argument<string>("product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough)." };
        var revision = new Argument<string>("revision") { Description = "The draft revision's label or id." };
        var delete = new Command("delete", "Delete a draft BOM revision (a released one is superseded by releasing a later revision, never deleted).") { product, revision };
        delete.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var found = await CommandActions.RevisionAsync(services, parsed.GetValue(product)!, parsed.GetValue(revision)!, ct);
            if (found.Failure is { } notFound)
            {
                return await context.FailAsync(notFound);
            }

            var result = await services.GetRequiredService<DeleteBomRevisionHandler>().HandleAsync(new DeleteBomRevisionRequest(found.Value.Revision.Id), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Deleted the draft '{result.Value}' of {found.Value.Product.Code}.");
            return ExitCodes.Ok;
        });
        return delete;
    }

    /// <summary><c>bom diff A B</c>: two stored revisions (with --product) or two files.</summary>
    public static Command Diff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The earlier revision's label or id (with --product), or a BOM file." };
        var after = new Argument<string>("after") { Description = "The later revision's label or id (with --product), or a BOM file." };
        var product = new Option<string?>("--product") { Description = "Compare two stored revisions of this product (code or id); without it, BEFORE and AFTER are files." };
        var output = new Option<string>("--output") { Description = "table, json or markdown.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "markdown");
        var diff = new Command("diff", "Compare two BOM revisions: lines added, removed and changed, sources added and removed, and the dual-sourcing consequence.")
        {
            before, after, product, output,
        };
        // Files need no database: only --product opens one. An unreadable file is a BomFileException, exit code 2 (CliApp).
        diff.SetAction(async (parsed, ct) =>
        {
            string beforeName, afterName;
            BomComparison comparison;
            if (parsed.GetValue(product) is { } code)
            {
                await using var provider = context.BuildServices(parsed);
                await using var scope = provider.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<CompareBomRevisionsHandler>().HandleAsync(new CompareBomRevisionsRequest(code, parsed.GetValue(before)!, parsed.GetValue(after)!), ct);
                if (result.Failure is { } failure)
                {
                    return await context.FailAsync(failure);
                }

                (beforeName, afterName, comparison) = ($"{result.Value!.Product.Code} {result.Value.Before.Label}", $"{result.Value.Product.Code} {result.Value.After.Label}", result.Value.Comparison);
            }
            else
            {
                (beforeName, afterName) = (Path.GetFileName(parsed.GetValue(before)!), Path.GetFileName(parsed.GetValue(after)!));
                comparison = CompareBomRevisionsHandler.CompareFiles(parsed.GetValue(before)!, parsed.GetValue(after)!, new BomReadOptions(), CriticalityPolicy.Default);
            }

            await Write(context.Console.Out, parsed.GetValue(output)!, beforeName, afterName, comparison);
            return ExitCodes.Ok;
        });
        return diff;
    }

    private static async Task Write(TextWriter o, string output, string before, string after, BomComparison c)
    {
        if (output == "json")
        {
            await CliOutput.WriteJsonAsync(o, new
            {
                Before = before,
                After = after,
                Summary = new
                {
                    c.LinesBefore, c.LinesAfter, c.Added, c.Removed, c.Changed, c.Unchanged, c.CriticalBefore, c.CriticalAfter,
                    c.DualSourcedBefore, c.DualSourcedAfter,
                    CoverageBefore = Math.Round(BomComparison.Percent(c.DualSourcedBefore, c.CriticalBefore), 1),
                    CoverageAfter = Math.Round(BomComparison.Percent(c.DualSourcedAfter, c.CriticalAfter), 1),
                },
                Changes = c.Changes.Select(x => new
                {
                    Kind = x.Kind.ToString().ToLowerInvariant(),
                    Line = x.Name,
                    RowBefore = x.Before?.Line.Row,
                    RowAfter = x.After?.Line.Row,
                    x.Changes,
                    SourcesAdded = x.SourcesAdded.Select(s => new { s.Manufacturer, s.Mpn }),
                    SourcesRemoved = x.SourcesRemoved.Select(s => new { s.Manufacturer, s.Mpn }),
                    x.Consequence,
                    x.Worsens,
                }),
            });
            return;
        }

        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{before} → {after}: {c.Added} added, {c.Removed} removed, {c.Changed} changed, {c.Unchanged} unchanged. Dual-sourced critical lines {c.DualSourcedBefore} of {c.CriticalBefore} ({BomComparison.Percent(c.DualSourcedBefore, c.CriticalBefore):0.#} %) → {c.DualSourcedAfter} of {c.CriticalAfter} ({BomComparison.Percent(c.DualSourcedAfter, c.CriticalAfter):0.#} %).");
        if (output == "markdown")
        {
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"# BOM compare: {before} → {after}").AppendLine().AppendLine(headline).AppendLine();
            if (c.Changes.Count > 0)
            {
                md.AppendLine("| Change | Line | What changed | Dual-sourcing |").AppendLine("|---|---|---|---|");
                foreach (var x in c.Changes)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {x.Kind.ToString().ToLowerInvariant()} | {Cell(x.Name)} | {Cell(string.Join("; ", x.Changes))} | {Cell(x.Consequence ?? "")} |");
                }
            }

            await o.WriteAsync(md.ToString());
            return;
        }

        await o.WriteLineAsync(headline);
        if (c.Changes.Count > 0)
        {
            await CliOutput.WriteTableAsync(o, ["Change", "Line", "What changed", "Dual-sourcing"],
                c.Changes.Select(x => (IReadOnlyList<string>)[x.Kind.ToString().ToLowerInvariant(), x.Name, string.Join("; ", x.Changes), x.Consequence ?? ""]));
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Avl;

namespace SecondSource.Cli.Commands;

/// <summary><c>secondsource avl import-xref|adopt|manufacturer confirm</c>: the dual-AVL library from the command line.</summary>
internal static class AvlCommands
{
    public static Command Create(CliContext context)
    {
        var avl = new Command("avl", "The dual-AVL library: approved sources of parts.");
        var file = new Argument<string>("file") { Description = "A CSV: part (internal part number or an MPN it has), alternate manufacturer, alternate MPN, notes." };
        var json = CommandActions.JsonOption();
        var import = new Command("import-xref", "Import a cross-reference table as Proposed alternates; a row naming no single part refuses the whole file.") { file, json };
        import.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var path = parsed.GetValue(file)!;
            await using (var stream = CommandActions.OpenInput(path))
            {
                var result = await services.GetRequiredService<ImportCrossReferenceHandler>().HandleAsync(
                    new ImportCrossReferenceRequest(Path.GetFileName(path), stream, $"cli:{Environment.UserName}"), ct);
                if (result.Failure is { } failure)
                {
                    return await context.FailAsync(failure);
                }

                if (parsed.GetValue(json))
                {
                    await CliOutput.WriteJsonAsync(context.Console.Out, result.Value!);
                    return ExitCodes.Ok;
                }

                await context.Console.Out.WriteLineAsync(
                    $"{Path.GetFileName(path)}: {result.Value!.Rows} rows, {result.Value.Proposed} alternates proposed, {result.Value.AlreadyInAvl} already in the AVL.");
                return ExitCodes.Ok;
            }
        });
        avl.Subcommands.Add(import);
        avl.Subcommands.Add(Adopt(context));
        avl.Subcommands.Add(Manufacturer(context));
        return avl;
    }

    /// <summary><c>avl manufacturer confirm</c>: a name BOMs give as a maker, confirmed in the library for every audit.</summary>
    private static Command Manufacturer(CliContext context)
    {
        var manufacturer = new Command("manufacturer", "Component manufacturers of the library: the names every stored audit recognises.");
        var name = new Argument<string>("name") { Description = "The name as the BOM writes it (an unverified maker the audit listed)." };
        var sameAs = new Option<string?>("--same-as") { Description = "The maker it is another name of (one the catalogue or the library knows); without it the name is a maker of its own." };
        var json = CommandActions.JsonOption();
        var confirm = new Command("confirm", "Confirm a maker name in the library, so every audit of every revision counts it (checked against the catalogue).") { name, sameAs, json };
        confirm.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var result = await services.GetRequiredService<ConfirmManufacturerHandler>().HandleAsync(
                new ConfirmManufacturerRequest(parsed.GetValue(name)!, parsed.GetValue(sameAs), $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var confirmed = result.Value!;
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, confirmed);
                return ExitCodes.Ok;
            }

            await context.Console.Out.WriteLineAsync(confirmed.Changed
                ? (confirmed.Name == confirmed.Maker ? $"'{confirmed.Name}' is now a manufacturer of the library." : $"'{confirmed.Name}' is now a name of {confirmed.Maker}.")
                : $"'{confirmed.Name}' is already recognised as {confirmed.Maker}; nothing changed.");
            return ExitCodes.Ok;
        });
        manufacturer.Subcommands.Add(confirm);
        return manufacturer;
    }

    /// <summary><c>avl adopt</c>: the sources a stored revision lists and the AVL does not know, proposed for their parts.</summary>
    private static Command Adopt(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product: its code (e.g. AUR-VSM200), its name or id (a unique part is enough).", Required = true };
        var revision = new Option<string>("--revision") { Description = "The revision's label or id.", Required = true };
        var adopt = new Command("adopt", "Propose the sources a stored BOM revision lists and the AVL does not know (sources it has, rejected included, are left as they are).")
        {
            product, revision,
        };
        adopt.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var found = await CommandActions.RevisionAsync(services, parsed.GetValue(product)!, parsed.GetValue(revision)!, ct);
            if (found.Failure is { } notFound)
            {
                return await context.FailAsync(notFound);
            }

            var result = await services.GetRequiredService<AdoptBomSourcesHandler>().HandleAsync(new AdoptBomSourcesRequest(found.Value.Revision.Id, $"cli:{Environment.UserName}"), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var adopted = result.Value!;
            await context.Console.Out.WriteLineAsync($"{found.Value.Product.Code} {found.Value.Revision.Label}: {adopted.Proposed} sources proposed.");
            if (adopted.Unverified.Count > 0)
            {
                await context.Console.Out.WriteLineAsync(
                    $"Not adopted, because no catalogue or library names them as makers ({adopted.Unverified.Count}): {string.Join(", ", adopted.Unverified)}.");
                await context.Console.Out.WriteLineAsync("Confirm a name with: secondsource avl manufacturer confirm \"NAME\" [--same-as \"Maker\"], then adopt again.");
            }

            return ExitCodes.Ok;
        });
        return adopt;
    }
}

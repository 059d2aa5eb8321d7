using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Boms;
using SecondSource.Application.Parties;
using SecondSource.Application.Programs;
using SecondSource.Application.TestData;

namespace SecondSource.Cli;

/// <summary>
/// How every command finds the object a user names (docs/cli.md, "Naming things"): by id, by an exact name or code,
/// or by an unambiguous fragment of one — case-insensitive, ignoring spaces and punctuation (VSM200 finds
/// AUR-VSM200 and "monitor VSM-200"). Several matches list the candidates; none suggests the nearest name.
/// </summary>
public static class Resolve
{
    /// <summary>A product by id, code, name, or the name of its program.</summary>
    public static async Task<ProductRef> ProductAsync(IServiceProvider services, string text, CancellationToken ct, string option = "product")
    {
        var products = await services.GetRequiredService<BomRevisionQueries>().ProductsAsync(ct);
        var programs = await services.GetRequiredService<ProgramQueries>().ListAsync(ct);
        return One("product", option, text, products, p => [p.Id], p => [p.Code, p.Name, .. programs.Where(g => g.ProductId == p.Id).Select(g => g.Name)], p => p.Code,
            "'secondsource programs list' shows the products by code");
    }

    /// <summary>A program by id, name, its product's code or name (or the product's id).</summary>
    public static async Task<ProgramView> ProgramAsync(IServiceProvider services, string text, CancellationToken ct, string option = "program")
    {
        var programs = await services.GetRequiredService<ProgramQueries>().ListAsync(ct);
        return One("program", option, text, programs, p => [p.Id, p.ProductId], p => [p.Name, p.ProductCode, p.Product], p => $"{p.ProductCode} ({p.Name})",
            "'secondsource programs list' shows them");
    }

    /// <summary>A line by id or its name, "Manufacturer / Line" (optionally among one party's lines).</summary>
    public static async Task<LineRef> LineAsync(IServiceProvider services, string text, CancellationToken ct, Domain.Parties.PartyId? party = null, string option = "--line")
    {
        var lines = (await services.GetRequiredService<TestDataQueries>().LinesAsync(ct)).Where(l => party is null || l.PartyId == party).ToList();
        return One("line", option, text, lines, l => [l.Id], l => [l.Name], l => l.Name, "'secondsource lines list' shows them");
    }

    /// <summary>A batch by id or name (as 'testdata batches' lists them), across every product.</summary>
    public static async Task<BatchSummary> BatchAsync(IServiceProvider services, string text, CancellationToken ct, string option = "--batch")
    {
        var queries = services.GetRequiredService<TestDataQueries>();
        var batches = new List<BatchSummary>();
        foreach (var product in await services.GetRequiredService<BomRevisionQueries>().ProductsAsync(ct))
        {
            batches.AddRange(await queries.BatchesAsync(product.Id, ct));
        }

        return One("batch", option, text, batches, b => [b.Id], b => [b.Name], b => $"{b.Name} ({b.Line})", "'secondsource testdata batches PRODUCT' shows them");
    }

    /// <summary>An organisation by id or name.</summary>
    public static async Task<PartyView> PartyAsync(IServiceProvider services, string text, CancellationToken ct, string option = "--party")
    {
        var parties = await services.GetRequiredService<PartyQueries>().ListAsync(ct);
        return One("organisation", option, text, parties, p => [p.Id.Value], p => [p.Name], p => p.Name, "'secondsource party list' shows them");
    }

    /// <summary>The one candidate <paramref name="text"/> names; a usage error listing the candidates otherwise.</summary>
    public static T One<T>(string kind, string option, string text, IReadOnlyList<T> all, Func<T, IEnumerable<Guid>> ids, Func<T, IEnumerable<string>> names,
        Func<T, string> label, string where)
    {
        ArgumentNullException.ThrowIfNull(all);
        var wanted = (text ?? "").Trim();
        if (Guid.TryParse(wanted, out var id))
        {
            return all.Where(c => ids(c).Contains(id)).ToList() is [var byId]
                ? byId
                : throw new CliUsageException($"No {kind} has the id {id} ({option}); {where}.");
        }

        var exact = all.Where(c => names(c).Any(n => string.Equals(n.Trim(), wanted, StringComparison.OrdinalIgnoreCase))).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var key = Key(wanted);
        var partial = exact.Count > 1 ? exact : key.Length == 0 ? [] : all.Where(c => names(c).Any(n => Key(n).Contains(key, StringComparison.Ordinal))).ToList();
        if (partial.Count == 1)
        {
            return partial[0];
        }

        if (partial.Count > 1)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"'{wanted}' ({option}) matches {partial.Count} {kind}s: {string.Join("; ", partial.Select(label))}. Give more of the name, or the id."));
        }

        var nearest = all.SelectMany(c => names(c).Select(n => (Name: n, Distance: Distance(Key(n), key))))
            .Where(n => n.Distance <= Math.Max(2, key.Length / 3)).OrderBy(n => n.Distance).Select(n => n.Name).FirstOrDefault();
        var hint = nearest is not null ? $" Did you mean '{nearest}'?" : all.Count == 0 ? $" There is no {kind} yet." : $" They are: {string.Join("; ", all.Take(12).Select(label))}{(all.Count > 12 ? "; …" : "")}.";
        throw new CliUsageException($"No {kind} matches '{wanted}' ({option}).{hint} {Capitalise(where)}.");
    }

    /// <summary>Lower case letters and digits only: how names are compared for fragments.</summary>
    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Levenshtein distance, for "did you mean".</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

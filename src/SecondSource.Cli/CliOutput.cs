using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecondSource.Cli;

/// <summary>How commands print: JSON for machines (--json), aligned text tables for people.</summary>
public static class CliOutput
{
    /// <summary>The version of the --json shapes (docs/cli.md, "JSON"); raised when a field changes meaning or goes.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new IdAsString<Domain.Parties.PartyId>(id => id.Value), new IdAsString<Domain.Parties.ApiKeyId>(id => id.Value) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes one JSON document in the CLI's one style: camelCase, ids as plain strings, enums by name, and
    /// <c>schemaVersion</c> first — an object gets the field, a list becomes <c>{"schemaVersion": 1, "items": [...]}</c>.
    /// </summary>
    public static Task WriteJsonAsync<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var node = JsonSerializer.SerializeToNode(value, Json);
        var document = new JsonObject { ["schemaVersion"] = SchemaVersion };
        if (node is JsonObject fields)
        {
            foreach (var (name, field) in fields.ToList())
            {
                fields.Remove(name);
                document[name] = field;
            }
        }
        else
        {
            document["items"] = node;
        }

        return output.WriteLineAsync(document.ToJsonString(Json));
    }

    /// <summary>A strongly typed id (PartyId, ApiKeyId) as the plain string every other id is.</summary>
    private sealed class IdAsString<TId>(Func<TId, Guid> value) : JsonConverter<TId>
    {
        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException("The CLI only writes ids.");

        public override void Write(Utf8JsonWriter writer, TId id, JsonSerializerOptions options) => writer.WriteStringValue(value(id).ToString());
    }

    private static readonly AsyncLocal<int?> TerminalWidth = new();

    /// <summary>The width tables are fitted to in this invocation (the terminal's), or null for full width (a pipe).</summary>
    public static int? Width
    {
        get => TerminalWidth.Value;
        set => TerminalWidth.Value = value;
    }

    /// <summary>
    /// A plain table: a header row and left-aligned columns padded to the widest cell. On a terminal narrower than the
    /// table, the widest columns are narrowed (never below their header or 8 characters) and their long cells cut
    /// with "…"; in a pipe every cell is written whole, for scripts.
    /// </summary>
    public static async Task WriteTableAsync(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        var all = rows.ToList();
        var widths = Fit(headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray(), headers, Width);
        await output.WriteLineAsync(Format(headers, widths));
        await output.WriteLineAsync(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            await output.WriteLineAsync(Format(row, widths));
        }
    }

    /// <summary>Column widths that fit <paramref name="width"/> (when given) by narrowing the widest column first.</summary>
    public static int[] Fit(int[] natural, IReadOnlyList<string> headers, int? width)
    {
        ArgumentNullException.ThrowIfNull(natural);
        ArgumentNullException.ThrowIfNull(headers);
        var widths = (int[])natural.Clone();
        if (width is not { } limit)
        {
            return widths;
        }

        var floor = widths.Select((w, i) => Math.Min(w, Math.Max(headers[i].Length, 8))).ToArray();
        while (widths.Sum() + (2 * (widths.Length - 1)) > limit)
        {
            var widest = Enumerable.Range(0, widths.Length).Where(i => widths[i] > floor[i]).OrderByDescending(i => widths[i]).FirstOrDefault(-1);
            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
        }

        return widths;
    }

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..Math.Max(0, widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd();
}

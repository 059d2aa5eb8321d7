using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Avl;

/// <summary>
/// An internal part of the buyer's library: what a BOM line calls for, identified by the internal part number or,
/// when the BOM has none, by its first manufacturer part number. Its approved sources are <see cref="AvlEntry"/> rows.
/// </summary>
public sealed class Part
{
    private Part(Guid id, string number)
    {
        Id = id;
        Number = number;
    }

    public Guid Id { get; private set; }

    /// <summary>The part's key: the internal part number, or the first MPN, trimmed and upper-cased.</summary>
    public string Number { get; private set; }

    public string? Description { get; private set; }

    public string? Value { get; private set; }

    public string? Package { get; private set; }

    /// <summary>The engineer's verdict; null leaves it to the criticality policy of the audit.</summary>
    public bool? Critical { get; private set; }

    public string? CriticalityReason { get; private set; }

    /// <summary>The key a BOM line is known by in the library, or null when the line names no part number at all.</summary>
    public static string? NumberOf(BomLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!string.IsNullOrWhiteSpace(line.InternalPartNumber))
        {
            return Normalize(line.InternalPartNumber);
        }

        return line.Sources.FirstOrDefault(s => s.Mpn.Length > 0) is { } first ? Normalize(first.Mpn) : null;
    }

    /// <summary>Part numbers and MPNs are compared trimmed, upper-case, with inner white space collapsed.</summary>
    public static string Normalize(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Join(' ', number.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }

    public static Part FromBomLine(BomLine line)
    {
        var number = NumberOf(line) ?? throw new DomainException($"Row {line.Row} has neither an internal part number nor a manufacturer part number.");
        return new Part(Guid.CreateVersion7(), Guard.RequiredText(number, "Part number", 200))
        {
            Description = Clip(line.Description, 1000),
            Value = Clip(line.Value, 200),
            Package = Clip(line.Footprint, 200),
        };
    }

    /// <summary>Sets or clears (null) the engineer's criticality verdict; a verdict needs its reason.</summary>
    public (string Before, string After) SetCriticality(bool? critical, string? reason)
    {
        var before = CriticalityText;
        if (critical is null)
        {
            Critical = null;
            CriticalityReason = null;
        }
        else
        {
            CriticalityReason = Guard.RequiredText(reason, "Reason", 500);
            Critical = critical;
        }

        return (before, CriticalityText);
    }

    /// <summary>The verdict as the library states it, or null to let the policy decide.</summary>
    public Criticality? Criticality => Critical is { } critical ? new Criticality(critical, CriticalityReason ?? "") : null;

    private string CriticalityText => Critical switch
    {
        true => "critical: " + CriticalityReason,
        false => "not critical: " + CriticalityReason,
        null => "by policy",
    };

    private static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text.Trim() : text[..max].Trim();
}

using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Lines;

/// <summary>
/// A change to a line's profile: who, when, and what changed from what to what. Kept for the buyer to see what a
/// manufacturer declared and when; owned by the line's manufacturer.
/// </summary>
public sealed class LineProfileChange : IPartyOwned
{
    private LineProfileChange(Guid id, Guid lineId, PartyId partyId, DateTimeOffset at, string by, string summary)
    {
        Id = id;
        LineId = lineId;
        PartyId = partyId;
        At = at;
        By = by;
        Summary = summary;
    }

    public Guid Id { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    /// <summary>"smallest chip 0402 → 0201; tested surge 0 → 3000 a week"</summary>
    public string Summary { get; private set; }

    /// <summary>The differences between two profiles, or null when nothing changed.</summary>
    public static LineProfileChange? Between(ManufacturingLine line, LineCapabilities before, LineCapacity capacityBefore, IReadOnlyList<Certification> certificationsBefore, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(capacityBefore);
        ArgumentNullException.ThrowIfNull(certificationsBefore);
        var after = line.Capabilities;
        var capacity = line.Capacity;
        var changes = new List<string>();
        void Compare<T>(string what, T old, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(old, now))
            {
                changes.Add($"{what} {old} → {now}");
            }
        }

        Compare("smallest chip", before.SmallestPassive.ToString()["Size".Length..], after.SmallestPassive.ToString()["Size".Length..]);
        Compare("finest BGA pitch (mm)", before.FinestBgaPitchMm.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), after.FinestBgaPitchMm.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        Compare("largest board", before.LargestBoard.ToString(), after.LargestBoard.ToString());
        Compare("layers", before.MaxLayers, after.MaxLayers);
        Compare("tests", before.Tests, after.Tests);
        Compare("processes", before.Processes, after.Processes);
        Compare("standing units a week", capacityBefore.StandingUnitsPerWeek, capacity.StandingUnitsPerWeek);
        Compare("tested surge units a week", capacityBefore.TestedSurgeUnitsPerWeek, capacity.TestedSurgeUnitsPerWeek);
        Compare("surge tested on", capacityBefore.SurgeTestedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-", capacity.SurgeTestedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        var oldCerts = string.Join(", ", certificationsBefore.OrderBy(c => c.Standard).Select(c => $"{c.Standard} until {c.Expires:yyyy-MM-dd}"));
        var newCerts = string.Join(", ", line.Certifications.OrderBy(c => c.Standard).Select(c => $"{c.Standard} until {c.Expires:yyyy-MM-dd}"));
        Compare("certifications", oldCerts, newCerts);
        return changes.Count == 0
            ? null
            : new LineProfileChange(Guid.CreateVersion7(), line.Id, line.PartyId, Guard.Utc(at, "Change time"), Guard.RequiredText(by, "Changed by", 256), string.Join("; ", changes));
    }
}

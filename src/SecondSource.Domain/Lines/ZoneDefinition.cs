using SecondSource.Domain.Common;

namespace SecondSource.Domain.Lines;

/// <summary>A zone as the buyer stored it: a name and its countries (space-separated ISO codes).</summary>
public sealed class ZoneDefinition
{
    private ZoneDefinition(Guid id, string name, string countries, int position)
    {
        Id = id;
        Name = name;
        Countries = countries;
        Position = position;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Countries { get; private set; }

    /// <summary>Order in which the buyer listed the zones.</summary>
    public int Position { get; private set; }

    public Zone ToZone() => Zone.Of(Name, Countries);

    public static ZoneDefinition From(Zone zone, int position)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ZoneDefinition(Guid.CreateVersion7(), zone.Name, string.Join(' ', zone.Countries.Select(c => c.Value).Order(StringComparer.Ordinal)), position);
    }

    /// <summary>
    /// Reads zones written one a line as <c>Name: CC CC CC</c> (e.g. <c>EU: AT BE BG</c>). Each country may be in one
    /// zone only; a bad line is refused with its number.
    /// </summary>
    public static IReadOnlyList<Zone> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var zones = new List<Zone>();
        var owner = new Dictionary<CountryCode, string>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DomainException($"Line {number}: write 'Name: CC CC CC', e.g. 'EU: AT BE BG'; got '{line}'.");
            }

            var name = Guard.RequiredText(line[..colon], $"Line {number}: zone name", 100);
            if (zones.Any(z => string.Equals(z.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainException($"Line {number}: the zone '{name}' is listed twice.");
            }

            var countries = new HashSet<CountryCode>();
            foreach (var code in line[(colon + 1)..].Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                var country = CountryCode.Parse(code, $"Line {number}: country");
                if (owner.TryGetValue(country, out var other) && other != name)
                {
                    throw new DomainException($"Line {number}: {country} is already in the zone '{other}'; a country belongs to one zone.");
                }

                owner[country] = name;
                countries.Add(country);
            }

            if (countries.Count == 0)
            {
                throw new DomainException($"Line {number}: the zone '{name}' has no country.");
            }

            zones.Add(new Zone(name, countries));
        }

        return zones.Count > 0 ? zones : throw new DomainException("Define at least one zone.");
    }
}

using SecondSource.Domain.Common;

namespace SecondSource.Domain.Lines;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case (CN, PL, US).</summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static CountryCode Parse(string? text, string field = "Country")
    {
        var trimmed = text?.Trim().ToUpperInvariant();
        if (trimmed is null || trimmed.Length != 2 || !trimmed.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException($"{field} '{text}' is not a two-letter ISO country code (e.g. CN, PL, US).");
        }

        return new CountryCode(trimmed);
    }

    public override string ToString() => Value;
}

/// <summary>A named group of countries the buyer treats as one geographical or geopolitical risk (EU, Greater China).</summary>
public sealed record Zone(string Name, IReadOnlySet<CountryCode> Countries)
{
    /// <summary>The default zones, which the buyer can edit.</summary>
    public static IReadOnlyList<Zone> Defaults { get; } =
    [
        Of("EU", "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
        Of("Europe (non-EU)", "GB CH NO IS RS UA TR BA MK AL ME MD"),
        Of("Greater China", "CN HK MO TW"),
        Of("North America", "US CA MX"),
        Of("Southeast Asia", "VN TH MY SG ID PH KH"),
        Of("South Asia", "IN BD LK PK"),
        Of("Japan and Korea", "JP KR"),
        Of("Latin America", "BR AR CL CO PE CR"),
    ];

    public static Zone Of(string name, string countries) =>
        new(Guard.RequiredText(name, "Zone name", 100), countries.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => CountryCode.Parse(c)).ToHashSet());

    /// <summary>The zone of a country among <paramref name="zones"/>, or a zone of its own when none lists it.</summary>
    public static Zone For(CountryCode country, IEnumerable<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return zones.FirstOrDefault(z => z.Countries.Contains(country)) ?? new Zone(country.Value, new HashSet<CountryCode> { country });
    }
}

using System.Globalization;
using System.Text;

namespace SecondSource.Benchmarks;

/// <summary>
/// Writes a realistic, seeded BOM: KiCad/Altium-like columns, passives and ICs in realistic proportions, one to
/// four designators a line, 10 % of lines with an alternate from another manufacturer, distributor columns that
/// must be ignored, quoted designator lists.
/// </summary>
internal static class BomGenerator
{
    private static readonly (string Prefix, string Kind, int Weight)[] Kinds =
        [("R", "RES", 35), ("C", "CAP", 35), ("U", "IC", 12), ("D", "DIODE", 6), ("J", "CONN", 5), ("L", "IND", 4), ("Q", "FET", 3)];

    private static readonly string[] Makers =
        ["Texas Instruments", "YAGEO", "Murata", "KEMET", "Nexperia", "onsemi", "STMicroelectronics", "Würth Elektronik", "Molex", "TDK", "Vishay", "Microchip"];

    public static void Write(string path, int lines, int seed)
    {
        var random = new Random(seed);
        var counters = new Dictionary<string, int>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("Item,Designator,Quantity,Value,Footprint,Manufacturer,MPN,Manufacturer 2,MPN 2,Supplier,Supplier Part Number,Description\n");
        var total = Kinds.Sum(k => k.Weight);
        var sb = new StringBuilder(256);
        for (var i = 1; i <= lines; i++)
        {
            var pick = random.Next(total);
            var kind = Kinds[0];
            foreach (var k in Kinds)
            {
                if (pick < k.Weight)
                {
                    kind = k;
                    break;
                }

                pick -= k.Weight;
            }

            var count = random.Next(1, 5);
            sb.Clear();
            sb.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',');
            if (count > 1)
            {
                sb.Append('"');
            }

            for (var d = 0; d < count; d++)
            {
                var n = counters[kind.Prefix] = counters.GetValueOrDefault(kind.Prefix) + 1;
                if (d > 0)
                {
                    sb.Append(',');
                }

                sb.Append(kind.Prefix).Append(n.ToString(CultureInfo.InvariantCulture));
            }

            if (count > 1)
            {
                sb.Append('"');
            }

            var maker = Makers[random.Next(Makers.Length)];
            var mpn = $"{kind.Kind[..2]}{random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}-{random.Next(10, 99).ToString(CultureInfo.InvariantCulture)}";
            sb.Append(',').Append(count.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(kind.Kind == "RES" ? "10k" : kind.Kind == "CAP" ? "100n" : kind.Kind)
              .Append(",Package_0402,").Append(maker).Append(',').Append(mpn).Append(',');
            if (random.Next(10) == 0)
            {
                var other = Makers[(Array.IndexOf(Makers, maker) + 1 + random.Next(Makers.Length - 1)) % Makers.Length];
                sb.Append(other).Append(",ALT").Append(mpn);
            }
            else
            {
                sb.Append(',');
            }

            sb.Append(",Digi-Key,").Append(mpn).Append("-ND,").Append(kind.Kind).Append(" part ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(sb);
        }
    }
}

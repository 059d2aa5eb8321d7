using System.Globalization;
using SecondSource.Domain.Boms;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// The shapes of one column's values over the sampled rows: how many are designator lists, part numbers, distributor stock
/// numbers, recognised makers, other names, quantities, values, descriptions, DNP markers, and a few samples. The planner
/// weighs these against the header.
/// </summary>
internal sealed class ColumnProfile
{
    private readonly List<string> _samples = [];
    private readonly Dictionary<string, int> _skuBy = new(StringComparer.Ordinal);

    public int Filled { get; private set; }

    public int Designators { get; private set; }

    /// <summary>Free text that holds designators after words ("TIME CARD - C3, C4", a customer reference).</summary>
    public int DesignatorsInText { get; private set; }

    public int PartNumbers { get; private set; }

    public int Skus { get; private set; }

    public int RecognisedMakers { get; private set; }

    public int MakerNames { get; private set; }

    public int DistributorNames { get; private set; }

    public int MakerAndPart { get; private set; }

    public int Quantities { get; private set; }

    public int Values { get; private set; }

    public int Descriptions { get; private set; }

    public int Urls { get; private set; }

    public int DnpMarkers { get; private set; }

    public int Generic { get; private set; }

    /// <summary>Values that are the previous value plus one (a line-number column: 1, 2, 3, ...).</summary>
    public int Sequential { get; private set; }

    private decimal? _previousNumber;

    public IReadOnlyList<string> Samples => _samples;

    /// <summary>The distributor whose stock numbers the column holds most, when it holds some.</summary>
    public string? SkuDistributor => _skuBy.Count == 0 ? null : _skuBy.MaxBy(kv => kv.Value).Key;

    public double Share(int count) => Filled == 0 ? 0 : (double)count / Filled;

    public void Add(string? text, ManufacturerCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var t = text.Trim();
        Filled++;
        if (_samples.Count < 4 && !_samples.Contains(t, StringComparer.Ordinal))
        {
            _samples.Add(t.Length > 60 ? t[..57] + "..." : t);
        }

        if (CellText.IsDnpMarker(t))
        {
            DnpMarkers++;
            return;
        }

        if (catalog.IsGeneric(t))
        {
            Generic++;
            return;
        }

        if (CellText.LooksLikeUrl(t))
        {
            Urls++;
            return;
        }

        if (CellText.LooksLikeDesignators(t))
        {
            Designators++;
        }
        else if (t.Contains(" - ", StringComparison.Ordinal) && CellText.LooksLikeDesignators(t[(t.IndexOf(" - ", StringComparison.Ordinal) + 3)..].Replace("[", ",", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)))
        {
            DesignatorsInText++;
        }

        if (CellText.DistributorOfSku(t) is { } distributor)
        {
            Skus++;
            _skuBy[distributor] = _skuBy.GetValueOrDefault(distributor) + 1;
        }

        if (catalog.Recognise(t) is not null)
        {
            RecognisedMakers++;
        }
        else if (catalog.DistributorName(t) is not null)
        {
            DistributorNames++;
        }
        else if (CellText.LooksLikeMakerName(t))
        {
            MakerNames++;
        }

        if (CellText.LooksLikePartNumber(t) || CellText.LooksLikeSpacedPartNumber(t))
        {
            PartNumbers++;
        }
        else if (LooksLikeMakerAndPart(t, catalog))
        {
            MakerAndPart++;
        }

        if (CellText.LooksLikeQuantity(t))
        {
            Quantities++;
            var number = decimal.Parse(t.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
            if (_previousNumber is { } previous && number == previous + 1)
            {
                Sequential++;
            }

            _previousNumber = number;
        }

        if (CellText.LooksLikeValue(t))
        {
            Values++;
        }

        if (CellText.LooksLikeDescription(t))
        {
            Descriptions++;
        }
    }

    /// <summary>"TI LM358DR", "On Semiconductor MMBFJ176", "MTCONN UBAF-06082, FCI 10118192-0001LF": a maker's name before a part number.</summary>
    public static bool LooksLikeMakerAndPart(string text, ManufacturerCatalog catalog)
    {
        var entries = text.Split([", ", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return false;
        }

        var first = entries[0];
        var space = first.LastIndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var maker = first[..space].Trim();
        var part = first[(space + 1)..].Trim();
        return CellText.LooksLikePartNumber(part) && (catalog.Recognise(maker) is not null || CellText.LooksLikeMakerName(maker));
    }

    /// <summary>The evidence as people read it: "12 of 14 values look like part numbers".</summary>
    public string Describe(int count, string what) =>
        Filled == 0 ? "the column is empty" : $"{count.ToString(CultureInfo.InvariantCulture)} of {Filled.ToString(CultureInfo.InvariantCulture)} values {what}";
}

using System.Text.Json;
using SecondSource.Domain.Statistics;

namespace SecondSource.Application.TestData;

/// <summary>
/// The JSON contract of a line comparison (docs/testdata.md, "Comparing lines"), schema version 1: numbers in base
/// units, differences B − A, null where a value was not computed (never NaN).
/// </summary>
public static class ComparisonJson
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, LineComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("a", report.SideA);
        json.WriteString("b", report.SideB);
        json.WriteStartObject("policy");
        json.WriteNumber("alpha", report.Policy.Alpha);
        json.WriteNumber("marginFraction", report.Policy.MarginFraction);
        json.WriteNumber("minimumUnits", report.Policy.MinimumUnits);
        json.WriteString("variance", report.Policy.Variance == VarianceModel.Welch ? "welch" : "pooled");
        json.WriteString("multiplicity", "benjamini-hochberg");
        json.WriteEndObject();

        json.WriteStartArray("measurements");
        foreach (var m in report.Measurements)
        {
            json.WriteStartObject();
            json.WriteString("name", m.Name);
            json.WriteString("unit", m.Unit);
            Number(json, "low", m.Low);
            Number(json, "high", m.High);
            Side(json, "a", m.A);
            Side(json, "b", m.B);
            Number(json, "margin", m.Margin);
            if (m.MarginSource is null)
            {
                json.WriteNull("marginSource");
            }
            else
            {
                json.WriteString("marginSource", m.MarginSource);
            }

            Number(json, "difference", m.Difference);
            if (m.ConfidenceLow is { } low && m.ConfidenceHigh is { } high)
            {
                json.WriteStartObject("ci90");
                json.WriteNumber("low", low);
                json.WriteNumber("high", high);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("ci90");
            }

            Number(json, "tostP", m.TostP);
            Number(json, "welchP", m.WelchP);
            Number(json, "adjustedP", m.AdjustedP);
            Number(json, "varianceRatio", m.VarianceRatio);
            Number(json, "ksDistance", m.KsDistance);
            json.WriteString("verdict", m.Verdict.ToString());
            json.WriteString("reason", m.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Names(json, "onlyInA", report.OnlyInA);
        Names(json, "onlyInB", report.OnlyInB);

        if (report.Yield is { } y)
        {
            json.WriteStartObject("yield");
            json.WriteNumber("a", y.YieldA);
            json.WriteNumber("b", y.YieldB);
            json.WriteNumber("unitsA", y.UnitsA);
            json.WriteNumber("unitsB", y.UnitsB);
            json.WriteNumber("difference", y.Difference);
            json.WriteStartObject("ci95");
            json.WriteNumber("low", y.Ci95.Low);
            json.WriteNumber("high", y.Ci95.High);
            json.WriteEndObject();
            json.WriteNumber("p", y.P);
            json.WriteString("method", y.Method);
            json.WriteNumber("nonInferiorityMargin", y.Margin);
            json.WriteNumber("nonInferiorityP", y.NonInferiorityP);
            json.WriteString("decision", y.Decision.ToString());
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("yield");
        }

        if (report.Defects is { } d)
        {
            json.WriteStartObject("defects");
            json.WriteStartArray("categories");
            foreach (var (category, a, b) in d.Categories)
            {
                json.WriteStartObject();
                json.WriteString("category", category);
                json.WriteNumber("a", a);
                json.WriteNumber("b", b);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Number(json, "chiSquare", d.Test?.ChiSquare);
            Number(json, "p", d.Test?.P);
            Names(json, "overRepresentedOnB", d.OverRepresentedOnB);
            Names(json, "newOnB", d.NewOnB);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("defects");
        }

        json.WriteStartObject("summary");
        foreach (var (verdict, count) in report.Summary)
        {
            json.WriteNumber(verdict.ToString(), count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter json, string name, SideStatistics? side)
    {
        if (side is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("n", side.Count);
        json.WriteNumber("mean", side.Mean);
        json.WriteNumber("sd", side.StandardDeviation);
        Number(json, "cpk", side.Cpk);
        Number(json, "ppk", side.Ppk);
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

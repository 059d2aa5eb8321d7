using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;

namespace SecondSource.Web.Pages;

/// <summary>A product's requirements in one line of text.</summary>
public static class RequirementsText
{
    public static string Describe(ProductRequirements r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var parts = new List<string>();
        if (r.SmallestPassive is { } p)
        {
            parts.Add($"{Labels.Of(p)} chips");
        }

        if (r.FinestBgaPitchMm is { } pitch)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"BGA {pitch:0.##} mm"));
        }

        if (r.Board is { } board)
        {
            parts.Add($"board {board}");
        }

        if (r.Layers is { } layers)
        {
            parts.Add($"{layers} layers");
        }

        parts.Add($"tests {Labels.Of(r.Tests)}");
        parts.Add($"processes {Labels.Of(r.Processes)}");
        if (r.Certifications.Count > 0)
        {
            parts.Add(string.Join(", ", r.Certifications.Order().Select(c => Labels.Of(c))));
        }

        return string.Join("; ", parts);
    }
}

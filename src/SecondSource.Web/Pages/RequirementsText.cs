using System.Globalization;
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
            parts.Add($"{p.ToString()["Size".Length..]} chips");
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

        parts.Add($"tests {r.Tests}");
        parts.Add($"processes {r.Processes}");
        if (r.Certifications.Count > 0)
        {
            parts.Add(string.Join(", ", r.Certifications.Order()));
        }

        return string.Join("; ", parts);
    }
}

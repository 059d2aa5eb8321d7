using SecondSource.Domain.Common;

namespace SecondSource.Web.Pages;

/// <summary>What pages print for values people read: enum values through the one label table, quantities with units.</summary>
public static class Display
{
    /// <summary>An enum value's human label (<see cref="Labels"/>); forms still post the code name.</summary>
    public static string Label(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // One flag on its own (a check box) reads as a name: "Flying probe"; a set of flags as a list.
        return Enum.GetName(value.GetType(), value) is { } name && Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0
            ? Labels.Of(name)
            : Labels.Of(value);
    }

    /// <summary>A label for running text: "Flying probe" → "flying probe", abbreviations kept ("ISO 13485").</summary>
    public static string LowerLabel(Enum value) => Labels.Lower(Labels.Of(value));
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecondSource.Web.Pages.Shared;

/// <summary>What every sortable, filterable, paged list page shares: its address with some settings changed, and the words for a setting it does not know.</summary>
public static class ListAddress
{
    /// <summary>The sort or filter values in the address the list could not read, in words; null when it read them all.</summary>
    public static string? Unknown(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsValid ? null
            : $"The list does not know {string.Join(" or ", state.Where(e => e.Value?.Errors.Count > 0).Select(e => $"'{e.Value!.AttemptedValue}' for {e.Key}"))}; it shows the default there.";
    }

    /// <summary>The path with the given query values, leaving out the empty ones (the defaults).</summary>
    public static string Build(string path, params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}").ToList();
        return parts.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", parts);
    }

    /// <summary>A page number as the address carries it: nothing for the first page.</summary>
    public static string? Page(int page) => page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null;
}

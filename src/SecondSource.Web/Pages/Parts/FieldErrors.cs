using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// Puts a refusal next to the field it is about: the domain names the field in its message ("Evidence", "Rank"),
/// so the first field whose words the message contains gets it; a message about no field goes to the form.
/// </summary>
public static class FieldErrors
{
    public static void Add(ModelStateDictionary modelState, string message, params (string Words, string Field)[] fields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(message);
        var field = fields.FirstOrDefault(f => message.Contains(f.Words, StringComparison.OrdinalIgnoreCase)).Field ?? "";
        modelState.AddModelError(field, message);
    }
}

namespace SecondSource.Web.Pages.Shared;

/// <summary>
/// The second step of a consequential action (a deletion, a revocation): what it does, in words, and the same post
/// again with <c>confirmed=true</c>. The first post of such a form changes nothing and shows this instead.
/// </summary>
/// <param name="Title">The question: "Delete the draft Rev D?".</param>
/// <param name="Consequences">What happens, one sentence each.</param>
/// <param name="Action">Where the confirmed form posts.</param>
/// <param name="Fields">The first post's fields, posted again.</param>
/// <param name="ConfirmText">The button: "Delete the draft".</param>
/// <param name="CancelHref">Where Cancel goes (back, nothing changed).</param>
public sealed record Confirmation(string Title, IReadOnlyList<string> Consequences, string Action, IReadOnlyDictionary<string, string?> Fields, string ConfirmText, string CancelHref);

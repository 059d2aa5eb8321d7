using SecondSource.Application.Avl;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages.Parts;

/// <summary>
/// A part with its uses, AVL entries, qualifications, acceptances, evidence and history (eight reads) as the part pages
/// show it, served from the read model per party scope: recomputed after a change, shared by the part, proposal,
/// acceptance and criticality pages.
/// </summary>
public sealed class PartReadModel(AvlQueries queries, ScopedReadModel cache)
{
    public Task<PartView?> GetAsync(Guid id, CancellationToken ct) =>
        cache.GetAsync($"part|{id}", c => queries.PartAsync(id, c), ct);

    /// <summary>An AVL entry with its part and maker, as the entry forms show it.</summary>
    public Task<EntryRef?> EntryAsync(Guid id, CancellationToken ct) =>
        cache.GetAsync($"avl-entry|{id}", c => queries.EntryAsync(id, c), ct);

    /// <summary>The alternates the library suggests for the part (an editor's view: every maker's parts are compared).</summary>
    public Task<IReadOnlyList<SuggestedAlternate>> SuggestionsAsync(Guid id, CancellationToken ct) =>
        cache.GetAsync($"part-suggestions|{id}", c => queries.SuggestAlternatesAsync(id, c), ct);
}

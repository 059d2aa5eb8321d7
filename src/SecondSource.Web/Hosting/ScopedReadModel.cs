using SecondSource.Application.Persistence;

namespace SecondSource.Web.Hosting;

/// <summary>
/// The read model as a page's view uses it: every key carries the caller's party scope, so a view computed under one
/// party's filters is never served to another (the rule <see cref="ReadModelCache"/> states, made structural).
/// </summary>
public sealed class ScopedReadModel(ReadModelCache cache, IPartyContext partyContext)
{
    /// <summary>The value of <paramref name="what"/> (which names everything else it depends on) for the caller's scope.</summary>
    public Task<T> GetAsync<T>(string what, Func<CancellationToken, Task<T>> compute, CancellationToken ct) =>
        cache.GetAsync($"{what}|{partyContext.Scope}", compute, ct);
}

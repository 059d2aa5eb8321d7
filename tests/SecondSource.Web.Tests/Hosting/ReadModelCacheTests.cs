using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Persistence;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Tests.Hosting;

/// <summary>
/// The read-model cache: a value is kept until this process changes the database or it grows older than the maximum
/// age; past the age one caller recomputes while the others keep the previous value.
/// </summary>
public sealed class ReadModelCacheTests
{
    private static ReadModelCache Cache(DataVersion version, FakeTimeProvider clock) =>
        new(version, clock, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReadModels:MaxAgeSeconds"] = "5" }).Build());

    [Fact]
    public async Task A_value_is_kept_until_the_data_changes()
    {
        var version = new DataVersion();
        var cache = Cache(version, new FakeTimeProvider());
        var computed = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"value {++computed}");

        (await cache.GetAsync("k", Compute, CancellationToken.None)).ShouldBe("value 1");
        (await cache.GetAsync("k", Compute, CancellationToken.None)).ShouldBe("value 1");
        (await cache.GetAsync("other", Compute, CancellationToken.None)).ShouldBe("value 2", "keys are separate");
        version.Advance();
        (await cache.GetAsync("k", Compute, CancellationToken.None)).ShouldBe("value 3", "a local change is seen at once");
    }

    [Fact]
    public async Task Past_its_age_one_caller_recomputes_and_the_others_keep_the_previous_value()
    {
        var clock = new FakeTimeProvider();
        var cache = Cache(new DataVersion(), clock);
        (await cache.GetAsync("k", _ => Task.FromResult("old"), CancellationToken.None)).ShouldBe("old");
        clock.Advance(TimeSpan.FromSeconds(6));

        var release = new TaskCompletionSource<string>();
        var refreshing = cache.GetAsync("k", _ => release.Task, CancellationToken.None);
        (await cache.GetAsync("k", _ => Task.FromResult("not this"), CancellationToken.None)).ShouldBe("old", "the refresh is under way");
        release.SetResult("new");

        (await refreshing).ShouldBe("new");
        (await cache.GetAsync("k", _ => Task.FromResult("not this"), CancellationToken.None)).ShouldBe("new");
    }

    [Fact]
    public async Task A_failed_refresh_lets_the_next_caller_try_and_absent_values_are_not_kept()
    {
        var clock = new FakeTimeProvider();
        var cache = Cache(new DataVersion(), clock);
        await cache.GetAsync("k", _ => Task.FromResult("old"), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));

        await Should.ThrowAsync<InvalidOperationException>(() => cache.GetAsync<string>("k", _ => throw new InvalidOperationException("database away"), CancellationToken.None));
        (await cache.GetAsync("k", _ => Task.FromResult("new"), CancellationToken.None)).ShouldBe("new");

        var calls = 0;
        Task<string?> Missing(CancellationToken _)
        {
            calls++;
            return Task.FromResult<string?>(null);
        }

        await cache.GetAsync("missing", Missing, CancellationToken.None);
        await cache.GetAsync("missing", Missing, CancellationToken.None);
        calls.ShouldBe(2, "a record that is not there (404) is asked for again");
    }

    [Fact]
    public async Task An_expensive_value_is_kept_longer_for_changes_made_elsewhere_but_a_local_change_is_seen_at_once()
    {
        var clock = new FakeTimeProvider();
        var version = new DataVersion();
        var cache = Cache(version, clock);
        var computed = 0;
        Task<string> Expensive(CancellationToken _)
        {
            clock.Advance(TimeSpan.FromSeconds(2)); // the computation takes 2 s: kept 20 × 2 = 40 s, not 5
            return Task.FromResult($"value {++computed}");
        }

        await cache.GetAsync("k", Expensive, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(39));
        (await cache.GetAsync("k", Expensive, CancellationToken.None)).ShouldBe("value 1", "39 s is within 20 times its cost");
        clock.Advance(TimeSpan.FromSeconds(2));
        (await cache.GetAsync("k", Expensive, CancellationToken.None)).ShouldBe("value 2", "past 40 s one caller recomputes");

        version.Advance();
        (await cache.GetAsync("k", Expensive, CancellationToken.None)).ShouldBe("value 3", "a local change is seen at once, whatever the cost");
        (await cache.GetAsync("cheap", _ => Task.FromResult("cheap 1"), CancellationToken.None)).ShouldBe("cheap 1");
        clock.Advance(TimeSpan.FromSeconds(6));
        (await cache.GetAsync("cheap", _ => Task.FromResult("cheap 2"), CancellationToken.None)).ShouldBe("cheap 2", "a cheap value still follows the 5 s age");
    }
}

namespace SecondSource.Application.Demo;

/// <summary>A clock standing at one moment of the demo's story, for a seeder that records an event the story dates earlier than today.</summary>
internal sealed class StoryClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}

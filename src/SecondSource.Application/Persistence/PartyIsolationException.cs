namespace SecondSource.Application.Persistence;

/// <summary>
/// A write that would touch another party's row. Never expected from a correct screen or endpoint, so it is an
/// exception (a broken invariant), not a result; hosts answer 403 or exit code 3 and log it.
/// </summary>
public sealed class PartyIsolationException : Exception
{
    public PartyIsolationException(string message) : base(message)
    {
    }

    public PartyIsolationException()
    {
    }

    public PartyIsolationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

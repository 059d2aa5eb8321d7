namespace SecondSource.Domain.Common;

/// <summary>
/// A broken business rule. The message is written for the user who caused it: it says what is wrong and,
/// where it helps, what to do instead. Hosts show it as it is (HTTP 422, CLI exit code 2).
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}

namespace SecondSource.Application;

/// <summary>Why an expected outcome was not the happy one; hosts map it once (HTTP status, CLI exit code).</summary>
public enum FailureKind
{
    /// <summary>The thing asked for does not exist, or the caller may not know it exists.</summary>
    NotFound,

    /// <summary>The request is malformed or breaks a rule the user can fix.</summary>
    Invalid,

    /// <summary>The request clashes with what is stored (a duplicate, a state that forbids it).</summary>
    Conflict,
}

/// <summary>An expected failure with a message for the user.</summary>
public sealed record Failure(FailureKind Kind, string Message);

/// <summary>The value of a use case, or the expected failure that prevented it.</summary>
public sealed record Result<T>
{
    internal Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

/// <summary>Builds successful results.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => new(value, null);
}

/// <summary>Shorthands for building failures.</summary>
public static class Fail
{
    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Invalid(string message) => new(FailureKind.Invalid, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);
}

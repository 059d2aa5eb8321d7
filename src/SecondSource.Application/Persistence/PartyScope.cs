using SecondSource.Domain.Parties;

namespace SecondSource.Application.Persistence;

/// <summary>
/// Which party's rows the current caller may see and change. The buyer and the system (CLI, migrations, the
/// demo seeder, sign-in) are unrestricted; a manufacturer is restricted to its own party; an anonymous web
/// request is restricted to no party at all.
/// </summary>
public readonly record struct PartyScope(bool IsRestricted, PartyId PartyId)
{
    public static PartyScope Unrestricted => new(false, default);

    /// <summary>Sees no party-owned row (anonymous web requests).</summary>
    public static PartyScope Nobody => new(true, new PartyId(Guid.Empty));

    public static PartyScope For(PartyId party) => new(true, party);

    public bool Allows(PartyId party) => !IsRestricted || party == PartyId;

    public override string ToString() => IsRestricted ? $"party {PartyId}" : "unrestricted";
}

/// <summary>The party scope of the current operation, read at query time by the EF Core query filters.</summary>
public interface IPartyContext
{
    PartyScope Scope { get; }

    /// <summary>
    /// Lifts the restriction until the returned handle is disposed. Only for operations that must look across
    /// parties before anyone is known: signing in and validating a session. Each call site is on the
    /// allow-list checked by PartyIsolationSourceTests.
    /// </summary>
    IDisposable BeginSystemScope();
}

/// <summary>
/// Base for the host-specific contexts: the host says who the caller is, this class adds the system scope.
/// </summary>
public abstract class PartyContextBase : IPartyContext
{
    private int _systemDepth;

    public PartyScope Scope => _systemDepth > 0 ? PartyScope.Unrestricted : ResolveCaller();

    public IDisposable BeginSystemScope()
    {
        _systemDepth++;
        return new SystemScope(this);
    }

    /// <summary>The scope of whoever is calling, as the host knows it.</summary>
    protected abstract PartyScope ResolveCaller();

    private sealed class SystemScope(PartyContextBase owner) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner._systemDepth--;
            }
        }
    }
}

/// <summary>A fixed scope: the CLI and background work run unrestricted; tests pick a party.</summary>
public sealed class FixedPartyContext(PartyScope scope) : PartyContextBase
{
    public static FixedPartyContext System => new(PartyScope.Unrestricted);

    protected override PartyScope ResolveCaller() => scope;
}

using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Boms;

/// <summary>A maker name to confirm in an aliases file (the file's current lines, empty when it does not exist yet).</summary>
public sealed record AddAliasToFileRequest(IReadOnlyList<string> Lines, string FileName, string Name, string? SameAs);

/// <summary>The line to append (null when the name is already recognised as that maker) and the maker it names.</summary>
public sealed record AliasFileLine(string? Line, string Maker);

/// <summary>
/// Confirms a maker name for file audits: the line <c>NAME = Maker</c> for the user's aliases file (<c>--aliases</c>).
/// Without a maker to be the same as, the name is a maker of its own (<c>NAME = NAME</c>). The same rules as the
/// library's confirmation: text that cannot be a maker is refused, a name the catalogue (or the file) gives to another
/// maker cannot be re-assigned, and the maker named by <c>SameAs</c> must be one the catalogue or the file knows.
/// </summary>
public sealed class AddAliasToFileHandler
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Use-case handlers are instances by convention, so hosts treat them alike.")]
    public Result<AliasFileLine> Handle(AddAliasToFileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = ManufacturerCatalog.CreateDefault();
        try
        {
            catalog.AddAliases(request.Lines, request.FileName);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid($"{ex.Message} Correct the file first.");
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('#', StringComparison.Ordinal))
        {
            return Fail.Invalid($"'{name}' cannot be written in an aliases file: it holds '=' or '#'.");
        }

        var decision = MakerConfirmation.Decide(catalog, name, request.SameAs, request.FileName);
        if (decision.Refusal is { } refusal)
        {
            return decision.Conflict ? Fail.Conflict(refusal) : Fail.Invalid(refusal);
        }

        if (decision.AlreadyKnown is { } known)
        {
            return Result.Ok(new AliasFileLine(null, known.DisplayName));
        }

        var target = decision.SameAs;
        var maker = target?.DisplayName ?? name;
        return Result.Ok(new AliasFileLine($"{name} = {maker}", maker));
    }
}

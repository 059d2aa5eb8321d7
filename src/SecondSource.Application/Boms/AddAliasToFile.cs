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

        if (catalog.WhyNotAMaker(name) is { } why)
        {
            return Fail.Invalid($"'{name}' cannot be confirmed as a manufacturer: {why}.");
        }

        RecognisedMaker? target = null;
        if (!string.IsNullOrWhiteSpace(request.SameAs))
        {
            target = catalog.Recognise(request.SameAs);
            if (target is null)
            {
                return Fail.Invalid($"'{request.SameAs.Trim()}' is not a manufacturer the catalogue or {request.FileName} knows; add it first, or leave out --same-as.");
            }
        }

        if (catalog.Recognise(name) is { } known)
        {
            if (target is not null && target.Key != known.Key)
            {
                return Fail.Conflict($"'{name}' is already {known.DisplayName} ({(known.Origin == MakerOrigin.Catalogue ? "in the catalogue" : $"in {request.FileName}")}); it cannot also be {target.DisplayName}.");
            }

            return Result.Ok(new AliasFileLine(null, known.DisplayName));
        }

        var maker = target?.DisplayName ?? name;
        return Result.Ok(new AliasFileLine($"{name} = {maker}", maker));
    }
}

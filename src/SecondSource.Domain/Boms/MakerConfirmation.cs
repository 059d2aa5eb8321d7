namespace SecondSource.Domain.Boms;

/// <summary>What confirming a written maker name would do: refuse it (and why), change nothing, or make it a maker.</summary>
public sealed record MakerConfirmation
{
    private MakerConfirmation()
    {
    }

    /// <summary>Why the name cannot be confirmed; null when it can.</summary>
    public string? Refusal { get; private init; }

    /// <summary>True when the refusal is a clash with what is known (another maker's name), not a malformed request.</summary>
    public bool Conflict { get; private init; }

    /// <summary>The maker the name already is (nothing to record), or null.</summary>
    public RecognisedMaker? AlreadyKnown { get; private init; }

    /// <summary>The known maker the name becomes another name of; null when it becomes a maker of its own.</summary>
    public RecognisedMaker? SameAs { get; private init; }

    /// <summary>
    /// The rules every confirmation follows, whatever records it (the library, an aliases file): text that cannot be a
    /// maker is refused; the maker named by <paramref name="sameAs"/> must be one <paramref name="catalog"/> recognises; a
    /// name already recognised as another maker is refused (a confirmation adds knowledge, it never contradicts the
    /// catalogue's lineage); a name already recognised as that maker changes nothing. <paramref name="where"/> names the
    /// store for messages ("the library", "aliases.txt").
    /// </summary>
    public static MakerConfirmation Decide(ManufacturerCatalog catalog, string name, string? sameAs, string where)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        if (catalog.WhyNotAMaker(name) is { } why)
        {
            return new() { Refusal = $"'{name}' cannot be confirmed as a manufacturer: {why}." };
        }

        if (name.Length > 200)
        {
            return new() { Refusal = "A manufacturer's name has at most 200 characters." };
        }

        RecognisedMaker? target = null;
        if (!string.IsNullOrWhiteSpace(sameAs))
        {
            target = catalog.Recognise(sameAs);
            if (target is null)
            {
                return new() { Refusal = $"'{sameAs.Trim()}' is not a manufacturer the catalogue or {where} knows; confirm it first, or leave out the maker it is the same as." };
            }
        }

        if (catalog.Recognise(name) is { } known)
        {
            if (target is not null && target.Key != known.Key)
            {
                var at = known.Origin switch
                {
                    MakerOrigin.Catalogue => "in the catalogue",
                    MakerOrigin.Library => "in the library",
                    _ => "in an aliases file",
                };
                return new() { Refusal = $"'{name}' is already {known.DisplayName} ({at}); it cannot also be {target.DisplayName}.", Conflict = true };
            }

            return new() { AlreadyKnown = known };
        }

        return new() { SameAs = target };
    }
}

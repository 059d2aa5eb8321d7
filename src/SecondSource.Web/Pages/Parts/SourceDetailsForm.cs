using SecondSource.Domain.Avl;

namespace SecondSource.Web.Pages.Parts;

/// <summary>The editable details of a source, as the propose and details forms bind them (fields under <c>Details.</c>).</summary>
public sealed class SourceDetailsForm
{
    /// <summary>Refusal words of the domain and the field each belongs next to.</summary>
    public static readonly (string Words, string Field)[] Fields =
        [("Rank", "Details.Rank"), ("Lead time", "Details.LeadTimeWeeks"), ("Notes", "Details.Notes"), ("lifecycle", "Details.Lifecycle")];

    public int Rank { get; set; } = 1;

    public Lifecycle? Lifecycle { get; set; }

    public int? LeadTimeWeeks { get; set; }

    public bool LeadTimeInternal { get; set; }

    public string? Notes { get; set; }

    public AvlEntryDetails ToDetails() => new(Rank, Lifecycle, LeadTimeWeeks, LeadTimeInternal, Notes);

    public static SourceDetailsForm From(AvlEntryDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new SourceDetailsForm
        {
            Rank = details.Rank,
            Lifecycle = details.Lifecycle,
            LeadTimeWeeks = details.LeadTimeWeeks,
            LeadTimeInternal = details.LeadTimeInternal,
            Notes = details.Notes,
        };
    }
}

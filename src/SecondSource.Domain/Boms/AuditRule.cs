namespace SecondSource.Domain.Boms;

/// <summary>How bad a finding is. CI fails on findings at or above a chosen severity.</summary>
public enum FindingSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

/// <summary>A rule of the BOM audit. Ids are stable: CI scripts, SARIF viewers and suppressions depend on them.</summary>
public sealed record AuditRule(string Id, FindingSeverity Severity, string Title, string Help)
{
    /// <summary>Position in <see cref="BomAuditRules.All"/>, for counting without a lookup.</summary>
    public int Index { get; init; }
}

/// <summary>The rules of the dual-AVL audit on a BOM file.</summary>
public static class BomAuditRules
{
    public static readonly AuditRule SingleSourceCritical = new(
        "single-source-critical", FindingSeverity.Error, "Critical part with fewer than two manufacturers",
        "A critical line needs sources from at least two distinct manufacturers, or one failing supplier stops both lines. Add and qualify an alternate from another manufacturer.") { Index = 0 };

    public static readonly AuditRule SingleManufacturerAlternates = new(
        "single-manufacturer-alternates", FindingSeverity.Error, "Alternates all from one manufacturer",
        "The line lists alternates, but every one comes from the same manufacturer: a packaging or grade variant is not a second source.") { Index = 1 };

    public static readonly AuditRule SingleSource = new(
        "single-source", FindingSeverity.Info, "Non-critical part with one manufacturer",
        "Not critical by the policy, so one manufacturer is acceptable; listed so that the policy's choice stays visible.") { Index = 2 };

    public static readonly AuditRule MissingMpn = new(
        "missing-mpn", FindingSeverity.Warning, "Manufacturer part number missing",
        "A populated, non-generic line has no manufacturer part number, so nobody can buy or qualify it.") { Index = 3 };

    public static readonly AuditRule MissingManufacturer = new(
        "missing-manufacturer", FindingSeverity.Warning, "Manufacturer missing",
        "A part number without its manufacturer cannot be counted as a source.") { Index = 4 };

    public static readonly AuditRule DuplicateDesignator = new(
        "duplicate-designator", FindingSeverity.Warning, "Designator on more than one line",
        "A reference designator appears on two lines; one of them is wrong.") { Index = 5 };

    public static readonly AuditRule QuantityMismatch = new(
        "quantity-mismatch", FindingSeverity.Warning, "Quantity differs from the designator count",
        "The quantity column and the number of reference designators disagree; purchasing and placement will differ.") { Index = 6 };

    public static readonly AuditRule GenericPart = new(
        "generic-part", FindingSeverity.Info, "Generic part: any qualified maker",
        "The line names no manufacturer on purpose (Any, Generic, AVL); any maker meeting the specification may be used.") { Index = 7 };

    public static readonly AuditRule AlternateUnqualified = new(
        "alternate-unqualified", FindingSeverity.Warning, "Alternate not yet qualified",
        "The library has a source for the part that is proposed or in qualification: until both its electrical and reliability verdicts pass, it is no source on any line.") { Index = 8 };

    public static readonly AuditRule AlternateNotAccepted = new(
        "alternate-not-accepted", FindingSeverity.Warning, "Qualified source not accepted by a line",
        "A qualified source counts on a manufacturing line only once that line has accepted it (first-article check, feeder and program update); pending or refused, the line cannot build with it.") { Index = 9 };

    public static readonly AuditRule LifecycleRisk = new(
        "lifecycle-risk", FindingSeverity.Warning, "Source not recommended for new designs or at end of life",
        "An approved source is NRND or EOL: plan a last-time buy or qualify a replacement before it is gone.") { Index = 10 };

    public static readonly AuditRule AvlMismatch = new(
        "avl-mismatch", FindingSeverity.Error, "BOM source the AVL rejects or does not know",
        "The BOM lists a manufacturer part number that the library has rejected or retired for this part, or does not list at all: the lines would buy what nobody approved.") { Index = 11 };

    public static readonly AuditRule UnverifiedManufacturer = new(
        "unverified-manufacturer", FindingSeverity.Warning, "Manufacturer not recognised",
        "The line names a maker that neither the catalogue, your aliases nor the library knows. It counts towards no second source until it is confirmed: as a maker of its own or as another name of a known maker (on the revision's page, or as an alias), or corrected in the BOM.") { Index = 12 };

    /// <summary>Rules that need the library (a stored revision audited against the AVL); a file audit never reports them.</summary>
    public static IReadOnlyList<AuditRule> LibraryOnly { get; } = [AlternateUnqualified, AlternateNotAccepted, LifecycleRisk, AvlMismatch];

    public static IReadOnlyList<AuditRule> All { get; } =
        [SingleSourceCritical, SingleManufacturerAlternates, SingleSource, MissingMpn, MissingManufacturer, DuplicateDesignator, QuantityMismatch, GenericPart,
         AlternateUnqualified, AlternateNotAccepted, LifecycleRisk, AvlMismatch, UnverifiedManufacturer];
}

/// <summary>One finding on one BOM line.</summary>
public sealed record AuditFinding(AuditRule Rule, int Row, IReadOnlyList<string> Designators, string Message)
{
    /// <summary>The manufacturing lines the finding is about, when it is about some (library audit only).</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    public FindingSeverity Severity => Rule.Severity;
}

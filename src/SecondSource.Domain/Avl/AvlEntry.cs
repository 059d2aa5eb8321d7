using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Avl;

/// <summary>Where an approved source stands. Only <see cref="Qualified"/> entries can be sources on a line.</summary>
public enum AvlStatus
{
    Proposed = 1,
    InQualification = 2,
    Qualified = 3,
    Rejected = 4,
    Retired = 5,
}

/// <summary>The maker's lifecycle state of the part number.</summary>
public enum Lifecycle
{
    Active = 1,

    /// <summary>Not recommended for new designs.</summary>
    Nrnd = 2,

    /// <summary>End of life announced: last-time buy.</summary>
    Eol = 3,
}

/// <summary>The two halves of a qualification.</summary>
public enum QualificationAspect
{
    Electrical = 1,
    Reliability = 2,
}

public enum QualificationVerdict
{
    Pass = 1,
    Fail = 2,

    /// <summary>Not tested, accepted on a written justification by a buyer administrator.</summary>
    Waived = 3,
}

/// <summary>How a qualification verdict was reached.</summary>
public enum QualificationMethod
{
    /// <summary>Datasheet form-fit-function review.</summary>
    DatasheetReview = 1,
    BenchTest = 2,
    AecQReport = 3,
    JedecReport = 4,
    SupplierData = 5,
    Other = 6,
}

/// <summary>
/// An approved source of a part: a component manufacturer and its part number, with status, preference rank,
/// lifecycle and lead time, and the qualification records that decide whether it is <see cref="AvlStatus.Qualified"/>:
/// both the latest electrical and the latest reliability record must pass (or be waived by an administrator).
/// </summary>
public sealed class AvlEntry
{
    private readonly List<QualificationRecord> _qualifications = [];

    private AvlEntry(Guid id, Guid partId, Guid manufacturerId, string mpn)
    {
        Id = id;
        PartId = partId;
        ManufacturerId = manufacturerId;
        Mpn = mpn;
    }

    public Guid Id { get; private set; }

    public Guid PartId { get; private set; }

    public Guid ManufacturerId { get; private set; }

    public string Mpn { get; private set; }

    /// <summary><see cref="Mpn"/> as compared: see <see cref="Part.Normalize"/>.</summary>
    public string MpnKey { get; private set; } = "";

    public AvlStatus Status { get; private set; }

    /// <summary>Preference among the part's sources: 1 is the preferred source.</summary>
    public int Rank { get; private set; }

    public Lifecycle? Lifecycle { get; private set; }

    public int? LeadTimeWeeks { get; private set; }

    /// <summary>The buyer keeps the lead time to itself: manufacturers never see it.</summary>
    public bool LeadTimeInternal { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Why the entry was rejected or retired.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public string ProposedBy { get; private set; } = "";

    public IReadOnlyList<QualificationRecord> Qualifications => _qualifications;

    public static AvlEntry Propose(Guid partId, Guid manufacturerId, string mpn, AvlEntryDetails details, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(details);
        var text = Guard.RequiredText(mpn, "Manufacturer part number", 200);
        var entry = new AvlEntry(Guid.CreateVersion7(), partId, manufacturerId, text)
        {
            MpnKey = Part.Normalize(text),
            Status = AvlStatus.Proposed,
            ProposedAt = Guard.Utc(at, "Proposal time"),
            ProposedBy = Guard.RequiredText(by, "Proposed by", 256),
        };
        entry.Update(details);
        return entry;
    }

    /// <summary>Sets rank, lifecycle, lead time and notes; returns what changed as (field, before, after).</summary>
    public IReadOnlyList<(string Field, string Before, string After)> Update(AvlEntryDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Rank is < 1 or > 99)
        {
            throw new DomainException($"Rank must be from 1 (preferred) to 99, not {details.Rank.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (details.LeadTimeWeeks is < 0 or > 260)
        {
            throw new DomainException($"Lead time must be from 0 to 260 weeks, not {details.LeadTimeWeeks?.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (details.Lifecycle is { } lifecycle && !Enum.IsDefined(lifecycle))
        {
            throw new DomainException($"'{lifecycle}' is not a lifecycle state.");
        }

        var notes = string.IsNullOrWhiteSpace(details.Notes) ? null : Guard.RequiredText(details.Notes, "Notes", 2000);
        var changes = new List<(string, string, string)>();
        Track(changes, "rank", Rank == 0 ? "" : Show(Rank), Show(details.Rank));
        Track(changes, "lifecycle", Lifecycle?.ToString() ?? "", details.Lifecycle?.ToString() ?? "");
        Track(changes, "lead time", LeadTimeWeeks is { } w ? Show(w) + " weeks" : "", details.LeadTimeWeeks is { } n ? Show(n) + " weeks" : "");
        Track(changes, "lead time internal", LeadTimeInternal ? "yes" : "no", details.LeadTimeInternal ? "yes" : "no");
        Track(changes, "notes", Notes ?? "", notes ?? "");
        Rank = details.Rank;
        Lifecycle = details.Lifecycle;
        LeadTimeWeeks = details.LeadTimeWeeks;
        LeadTimeInternal = details.LeadTimeInternal;
        Notes = notes;
        return changes;
    }

    /// <summary>The latest record of an aspect, or null when none is recorded.</summary>
    public QualificationRecord? Latest(QualificationAspect aspect) =>
        _qualifications.Where(q => q.Aspect == aspect).MaxBy(q => q.Sequence);

    /// <summary>
    /// Records an electrical or reliability verdict. The entry moves to <see cref="AvlStatus.InQualification"/>, and to
    /// <see cref="AvlStatus.Qualified"/> when both latest verdicts pass or are waived; a failing verdict takes a qualified
    /// entry back to qualification. Only an administrator may waive, and a waiver needs its justification.
    /// </summary>
    public (AvlStatus Before, AvlStatus After) RecordQualification(QualificationInput input, bool byAdministrator, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status is AvlStatus.Rejected or AvlStatus.Retired)
        {
            throw new DomainException($"The entry is {Status}; a {Status.ToString().ToLowerInvariant()} source is not qualified any more.");
        }

        if (!Enum.IsDefined(input.Aspect) || !Enum.IsDefined(input.Verdict) || !Enum.IsDefined(input.Method))
        {
            throw new DomainException("Aspect, verdict and method must each be one of the listed values.");
        }

        var justification = string.IsNullOrWhiteSpace(input.Justification) ? null : Guard.RequiredText(input.Justification, "Justification", 2000);
        if (input.Verdict == QualificationVerdict.Waived)
        {
            if (!byAdministrator)
            {
                throw new DomainException("Only a buyer administrator may waive a qualification.");
            }

            if (justification is null)
            {
                throw new DomainException("A waiver needs its justification.");
            }
        }

        if (input.Verdict == QualificationVerdict.Fail && justification is null)
        {
            throw new DomainException("A failed qualification needs a note of what failed (Justification).");
        }

        var evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : Guard.RequiredText(input.Evidence, "Evidence", 2000);
        if (input.Verdict == QualificationVerdict.Pass && evidence is null)
        {
            throw new DomainException("A pass needs its evidence: the report, test record or document it rests on.");
        }

        _qualifications.Add(new QualificationRecord(Guid.CreateVersion7(), Id, _qualifications.Count + 1, input.Aspect, input.Verdict, input.Method,
            justification, evidence, Guard.Utc(at, "Qualification time"), Guard.RequiredText(by, "Recorded by", 256)));
        var before = Status;
        Status = Passes(QualificationAspect.Electrical) && Passes(QualificationAspect.Reliability) ? AvlStatus.Qualified : AvlStatus.InQualification;
        return (before, Status);
    }

    /// <summary>Rejects the source (from any state but Retired): it is no source on any line, and a BOM listing it is a mismatch.</summary>
    public (AvlStatus Before, AvlStatus After) Reject(string reason) => Close(AvlStatus.Rejected, reason);

    /// <summary>Retires the source (e.g. after its end of life): it stays on record but is no source any more.</summary>
    public (AvlStatus Before, AvlStatus After) Retire(string reason) => Close(AvlStatus.Retired, reason);

    /// <summary>Takes a rejected or retired entry back to proposal; its earlier records stay, new ones decide.</summary>
    public (AvlStatus Before, AvlStatus After) Reopen(string reason)
    {
        if (Status is not (AvlStatus.Rejected or AvlStatus.Retired))
        {
            throw new DomainException($"Only a rejected or retired entry can be reopened; this one is {Status}.");
        }

        var before = Status;
        StatusReason = Guard.RequiredText(reason, "Reason", 1000);
        Status = AvlStatus.Proposed;
        _qualifications.ForEach(q => q.Supersede());
        return (before, Status);
    }

    private (AvlStatus, AvlStatus) Close(AvlStatus to, string reason)
    {
        if (Status == to || Status == AvlStatus.Retired)
        {
            throw new DomainException($"The entry is already {Status}.");
        }

        var before = Status;
        StatusReason = Guard.RequiredText(reason, "Reason", 1000);
        Status = to;
        return (before, to);
    }

    private bool Passes(QualificationAspect aspect) => Latest(aspect) is { Superseded: false, Verdict: QualificationVerdict.Pass or QualificationVerdict.Waived };

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Track(List<(string, string, string)> changes, string field, string before, string after)
    {
        if (before != after)
        {
            changes.Add((field, before, after));
        }
    }
}

/// <summary>The editable details of an AVL entry.</summary>
public sealed record AvlEntryDetails(int Rank, Lifecycle? Lifecycle = null, int? LeadTimeWeeks = null, bool LeadTimeInternal = false, string? Notes = null);

/// <summary>What a qualification record says.</summary>
public sealed record QualificationInput(QualificationAspect Aspect, QualificationVerdict Verdict, QualificationMethod Method, string? Evidence, string? Justification);

/// <summary>One verdict on one aspect of an AVL entry: kept, never edited; the latest of each aspect decides.</summary>
public sealed class QualificationRecord
{
    internal QualificationRecord(Guid id, Guid entryId, int sequence, QualificationAspect aspect, QualificationVerdict verdict, QualificationMethod method,
        string? justification, string? evidence, DateTimeOffset at, string by)
    {
        Id = id;
        EntryId = entryId;
        Sequence = sequence;
        Aspect = aspect;
        Verdict = verdict;
        Method = method;
        Justification = justification;
        Evidence = evidence;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    /// <summary>Order of recording within the entry.</summary>
    public int Sequence { get; private set; }

    public QualificationAspect Aspect { get; private set; }

    public QualificationVerdict Verdict { get; private set; }

    public QualificationMethod Method { get; private set; }

    /// <summary>Why a waiver or what failed.</summary>
    public string? Justification { get; private set; }

    /// <summary>The report, test record or document the verdict rests on (a document number or link).</summary>
    public string? Evidence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    /// <summary>Set when the entry was reopened after this record: it no longer counts.</summary>
    public bool Superseded { get; private set; }

    internal void Supersede() => Superseded = true;
}

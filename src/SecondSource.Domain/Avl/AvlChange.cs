using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Avl;

/// <summary>
/// One recorded change of the library: what (a part's criticality, an entry's status, a qualification, a line's
/// acceptance), before, after, who and when. Owned by the party whose record changed, so a manufacturer sees the
/// history of its own acceptances and nothing else; the buyer sees all.
/// </summary>
public sealed class AvlChange : IPartyOwned
{
    private AvlChange(Guid id, PartyId partyId, Guid partId, Guid? entryId, string subject, string before, string after, DateTimeOffset at, string by)
    {
        Id = id;
        PartyId = partyId;
        PartId = partId;
        EntryId = entryId;
        Subject = subject;
        Before = before;
        After = after;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid PartId { get; private set; }

    public Guid? EntryId { get; private set; }

    /// <summary>What changed, e.g. "status", "electrical qualification", "acceptance on Vistula SMT-1".</summary>
    public string Subject { get; private set; }

    public string Before { get; private set; }

    public string After { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    public static AvlChange Of(PartyId owner, Guid partId, Guid? entryId, string subject, string before, string after, DateTimeOffset at, string by) =>
        new(Guid.CreateVersion7(), owner, partId, entryId, Guard.RequiredText(subject, "Subject", 200), Clip(before), Clip(after), Guard.Utc(at, "Change time"), Guard.RequiredText(by, "Changed by", 256));

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];
}

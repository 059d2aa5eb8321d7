namespace SecondSource.Domain.Parties;

/// <summary>
/// A row only the buyer may see: evaluations, assessments, decisions, costs. A manufacturer's user sees none of
/// them; persistence enforces this for every type that implements the interface.
/// </summary>
public interface IBuyerOnly;

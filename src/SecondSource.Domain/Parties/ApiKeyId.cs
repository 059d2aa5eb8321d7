namespace SecondSource.Domain.Parties;

/// <summary>Identifies an <see cref="ApiKey"/>.</summary>
public readonly record struct ApiKeyId(Guid Value)
{
    public static ApiKeyId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

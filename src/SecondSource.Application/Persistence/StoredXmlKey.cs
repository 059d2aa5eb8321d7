namespace SecondSource.Application.Persistence;

/// <summary>
/// One key of the web app's Data Protection key ring (the keys that protect sign-in cookies, antiforgery tokens and
/// download links), kept in the database so that every web instance reads the same ring: a session started on one
/// instance is valid on the others. Not party data; read and written only by the key-ring repository.
/// </summary>
public sealed class StoredXmlKey
{
    public const int MaxFriendlyNameLength = 200;

    private StoredXmlKey()
    {
        FriendlyName = "";
        Xml = "";
    }

    public StoredXmlKey(string friendlyName, string xml, DateTimeOffset storedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        FriendlyName = (friendlyName ?? "").Length > MaxFriendlyNameLength ? friendlyName![..MaxFriendlyNameLength] : friendlyName ?? "";
        Xml = xml;
        StoredAt = storedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string FriendlyName { get; private set; }

    public string Xml { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    /// <summary>The same key written in another form (its secret sealed); the key itself does not change.</summary>
    public void Replace(string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        Xml = xml;
    }
}

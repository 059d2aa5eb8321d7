namespace SecondSource.Domain.Common;

/// <summary>Argument checks that throw <see cref="DomainException"/> with a message naming the field.</summary>
public static class Guard
{
    /// <summary>Trims <paramref name="value"/> and checks it is present and at most <paramref name="maxLength"/> characters.</summary>
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{field} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field} is {trimmed.Length} characters long; at most {maxLength} are allowed.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new DomainException($"{field} contains a control character (such as a line break or tab); use plain text.");
        }

        return trimmed;
    }

    /// <summary>Checks that <paramref name="value"/> is a UTC instant (offset zero); timestamps are stored as UTC.</summary>
    public static DateTimeOffset Utc(DateTimeOffset value, string field)
    {
        if (value.Offset != TimeSpan.Zero)
        {
            throw new DomainException($"{field} must be a UTC time (offset +00:00), got offset {value.Offset}.");
        }

        return value;
    }
}

namespace SecondSource.Domain.Common;

/// <summary>
/// The small text files teams keep next to their data (a criticality policy, manufacturer aliases): one
/// <c>key = value</c> a line, blank lines and <c>#</c> comments ignored. A line without its <c>=</c> is refused with
/// the file name and line number.
/// </summary>
public static class KeyValueLines
{
    public static IEnumerable<(int Line, string Key, string Value)> Parse(IEnumerable<string> lines, string sourceName, string expected)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var hash = raw.IndexOf(" #", StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == line.Length - 1)
            {
                throw new DomainException($"{sourceName}, line {number}: expected '{expected}', got '{line}'.");
            }

            yield return (number, line[..eq].Trim(), line[(eq + 1)..].Trim());
        }
    }
}

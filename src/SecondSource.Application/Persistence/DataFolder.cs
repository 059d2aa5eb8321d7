namespace SecondSource.Application.Persistence;

/// <summary>The folder that holds the SQLite file and, later, the vault and keys.</summary>
public static class DataFolder
{
    /// <summary>Creates the folder if needed and proves it can be written, or says why not.</summary>
    public static void EnsureWritable(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DatabaseConfigurationException(
                $"The data folder {path} cannot be written ({ex.Message}). Choose another with --data or SECONDSOURCE_DATA.", ex);
        }
    }
}

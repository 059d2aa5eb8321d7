using SecondSource.Formats.Boms;

namespace SecondSource.Application.Boms;

/// <summary>Opens a BOM file from disk for a sequential read; a missing or unreadable file is a <see cref="BomFileException"/> naming it.</summary>
internal static class BomFileAccess
{
    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new BomFileException(Path.GetFileName(path), null, null, ex is FileNotFoundException or DirectoryNotFoundException
                ? $"there is no such file ({path})."
                : $"the file cannot be read: {ex.Message}");
        }
    }
}

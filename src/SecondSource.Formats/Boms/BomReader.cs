namespace SecondSource.Formats.Boms;

/// <summary>
/// Opens a BOM file of any supported format. The format is decided from the content (a zip archive is XLSX,
/// XML is IPC-2581, anything else delimited text), never from the file name alone; a <c>--format</c> that the
/// content contradicts is refused.
/// </summary>
public static class BomReader
{
    /// <summary>Opens <paramref name="path"/>; the returned document streams its lines from <paramref name="stream"/>, which must stay open while they are read.</summary>
    public static BomDocument Open(string path, Stream stream, BomReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var file = Path.GetFileName(path);
        if (!stream.CanSeek)
        {
            throw new BomFileException(file, null, null, "the input must be a file (seekable), not a pipe.");
        }

        if (stream.Length == 0)
        {
            throw new BomFileException(file, null, null, "the file is empty.");
        }

        if (stream.Length > options.MaxFileBytes)
        {
            throw new BomFileException(file, null, null, $"the file is {stream.Length:N0} bytes; files over {options.MaxFileBytes:N0} bytes are refused.");
        }

        var sniffed = Sniff(stream);
        var format = options.Format;
        if (format == BomFileFormat.Auto)
        {
            format = sniffed;
        }
        else if ((format == BomFileFormat.Xlsx) != (sniffed == BomFileFormat.Xlsx) || (format == BomFileFormat.Ipc2581 && sniffed != BomFileFormat.Ipc2581))
        {
            throw new BomFileException(file, null, null, $"--format {format.ToString().ToLowerInvariant()} was given, but the content is {Describe(sniffed)}.");
        }

        stream.Position = 0;
        return format switch
        {
            BomFileFormat.Xlsx => XlsxBomReader.Open(path, stream, options),
            BomFileFormat.Ipc2581 => Ipc2581BomReader.Open(path, stream, options),
            BomFileFormat.Tsv => CsvBomReader.Open(path, stream, options, tabOnly: true),
            _ => CsvBomReader.Open(path, stream, options, tabOnly: false),
        };
    }

    private static string Describe(BomFileFormat format) => format switch
    {
        BomFileFormat.Xlsx => "a zip archive (XLSX)",
        BomFileFormat.Ipc2581 => "XML (IPC-2581)",
        _ => "delimited text (CSV/TSV)",
    };

    private static BomFileFormat Sniff(Stream stream)
    {
        stream.Position = 0;
        Span<byte> head = stackalloc byte[512];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head[..read];
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return BomFileFormat.Xlsx;
        }

        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start < bytes.Length && bytes[start] == (byte)'<' ? BomFileFormat.Ipc2581 : BomFileFormat.Csv;
    }
}

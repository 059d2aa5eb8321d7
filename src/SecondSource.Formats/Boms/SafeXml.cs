using System.Xml;

namespace SecondSource.Formats.Boms;

/// <summary>
/// The only way this assembly opens XML from a file: no DTD (so no entity expansion and no external entities),
/// no resolver, a ceiling on characters, and a depth limit checked while reading.
/// </summary>
internal static class SafeXml
{
    public const int MaxDepth = 128;

    public static XmlReader Create(Stream stream, long maxCharacters) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        Async = false,
    });

    /// <summary>Throws when the element nesting is deeper than any real file needs.</summary>
    public static void CheckDepth(XmlReader reader, string file)
    {
        if (reader.Depth > MaxDepth)
        {
            throw new BomFileException(file, (reader as IXmlLineInfo)?.LineNumber, null, $"XML nested deeper than {MaxDepth} elements: refused.");
        }
    }

    /// <summary>Turns a parser error into a file error with its line.</summary>
    public static BomFileException Refused(XmlException ex, string file) =>
        new(file, ex.LineNumber > 0 ? ex.LineNumber : null, null, ex.Message.Contains("DTD", StringComparison.Ordinal)
            ? "the XML declares a DTD; DTDs are refused (they can expand entities or fetch outside files)."
            : $"the XML is malformed: {ex.Message}");
}

/// <summary>
/// A stream that refuses to yield more than a fixed number of bytes: bounds what a zip entry may expand to. Data the
/// inner stream cannot decompress (a damaged deflate stream) becomes the caller's own error, wherever it is read from.
/// </summary>
internal sealed class LimitedStream(Stream inner, long limit, Func<Exception> onExceeded, Func<InvalidDataException, Exception> onDamaged) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw onDamaged(ex);
        }

        _read += n;
        if (_read > limit)
        {
            throw onExceeded();
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

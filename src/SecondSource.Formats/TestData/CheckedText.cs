using System.Globalization;
using System.Text;

namespace SecondSource.Formats.TestData;

/// <summary>
/// What a test-log reader reads through: the bytes pass unchanged while they are checked to be UTF-8 (a strict decoder
/// carried across reads, so a bad or truncated sequence is refused with its byte offset, never turned into replacement
/// characters) and every line is held under a ceiling, so a file that never ends a line is refused after that many
/// bytes instead of being buffered whole.
/// </summary>
internal sealed class CheckedTextStream(Stream inner, string file, int maxLineBytes, string lineLimitReason) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _scratch = new char[4096];
    private long _offset;
    private long _line = 1;
    private long _lineBytes;
    private bool _ended;

    // True while the bytes so far end on a complete character: an all-ASCII block then needs no decoder (the fast path).
    private bool _clean = true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _offset; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            if (!_ended)
            {
                _ended = true;
                Decode(bytes, flush: true);
            }

            return;
        }

        if (!_clean || !System.Text.Ascii.IsValid(bytes))
        {
            Decode(bytes, flush: false);
            _clean = bytes[^1] < 0x80;
        }

        for (var rest = bytes; ;)
        {
            var end = rest.IndexOf((byte)'\n');
            _lineBytes += end < 0 ? rest.Length : end;
            if (_lineBytes > maxLineBytes)
            {
                throw new TestLogException(file, string.Create(CultureInfo.InvariantCulture, $"line {_line}"), null,
                    string.Create(CultureInfo.InvariantCulture, $"longer than {maxLineBytes:N0} bytes; {lineLimitReason}"));
            }

            if (end < 0)
            {
                break;
            }

            _line++;
            _lineBytes = 0;
            rest = rest[(end + 1)..];
        }

        _offset += bytes.Length;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (_scratch.Length < bytes.Length + 4)
        {
            _scratch = new char[bytes.Length + 4];
        }

        try
        {
            _decoder.Convert(bytes, _scratch, flush, out _, out _, out _);
        }
        catch (DecoderFallbackException ex)
        {
            var at = _offset + Math.Max(0, ex.Index);
            throw new TestLogException(file, string.Create(CultureInfo.InvariantCulture, $"byte {at}"), null, "not valid UTF-8; save the log as UTF-8");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The caller owns the stream it passed in.
        base.Dispose(disposing);
    }
}

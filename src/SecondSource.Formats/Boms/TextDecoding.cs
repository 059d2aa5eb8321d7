using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SecondSource.Formats.Boms;

/// <summary>
/// Decides how a text file is encoded: a byte-order mark says UTF-8 or UTF-16; without one the file must be
/// valid UTF-8, checked end to end, or name its encoding (<c>--encoding gbk</c>). A file that is not valid UTF-8
/// is refused with the byte offset of the first bad sequence, never decoded into replacement characters.
/// </summary>
internal static class TextDecoding
{
    private static readonly Lazy<bool> CodePagesRegistered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public sealed record Detected(Encoding Encoding, int PreambleLength, string Name);

    public static Detected Detect(Stream stream, string? encodingName, string file)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var mark = head[..read];
        if (!string.IsNullOrWhiteSpace(encodingName))
        {
            var named = Named(encodingName, file);
            var preamble = named.Preamble;
            var skip = preamble.Length > 0 && mark.StartsWith(preamble) ? preamble.Length : 0;
            return new Detected(named, skip, encodingName.Trim().ToLowerInvariant());
        }

        if (mark.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            ValidateUtf8(stream, 3, file);
            return new Detected(new UTF8Encoding(false, true), 3, "utf-8-bom");
        }

        if (mark.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Detected(new UnicodeEncoding(false, false, true), 2, "utf-16le");
        }

        if (mark.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Detected(new UnicodeEncoding(true, false, true), 2, "utf-16be");
        }

        ValidateUtf8(stream, 0, file);
        return new Detected(new UTF8Encoding(false, true), 0, "utf-8");
    }

    /// <summary>A reader positioned after the byte-order mark.</summary>
    public static StreamReader OpenReader(Stream stream, Detected detected)
    {
        stream.Position = detected.PreambleLength;
        return new StreamReader(stream, detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
    }

    private static Encoding Named(string name, string file)
    {
        _ = CodePagesRegistered.Value;
        try
        {
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new BomFileException(file, null, null, $"'{name}' is not an encoding this program knows; use a name such as utf-8, utf-16, gbk, gb18030, big5, shift_jis or windows-1252.");
        }
    }

    private static void ValidateUtf8(Stream stream, int start, string file)
    {
        stream.Position = start;
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent(1 << 20);
        try
        {
            long offset = start;
            var carry = 0;
            while (true)
            {
                var count = stream.Read(bytes, carry, (1 << 20) - carry);
                var total = carry + count;
                var final = count == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, total), chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    var bad = offset + consumed;
                    var shown = string.Join(" ", bytes.Skip(consumed).Take(Math.Min(4, total - consumed)).Select(b => $"0x{b:X2}"));
                    throw new BomFileException(file, null, null,
                        $"the file is not valid UTF-8: the bytes at offset {bad} ({shown}) are not a UTF-8 sequence. Name its encoding with --encoding (e.g. gbk, windows-1252).");
                }

                if (chars.AsSpan(0, written).Contains('\0'))
                {
                    throw new BomFileException(file, null, null, $"the file holds NUL characters near byte offset {offset}: it is binary, not a text BOM.");
                }

                if (final)
                {
                    return;
                }

                // Keep an incomplete trailing sequence for the next block.
                carry = total - consumed;
                bytes.AsSpan(consumed, carry).CopyTo(bytes);
                offset += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

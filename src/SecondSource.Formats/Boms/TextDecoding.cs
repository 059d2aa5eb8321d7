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

    public static Detected Detect(Stream stream, string? encodingName, string file, List<BomDiagnostic>? diagnostics = null)
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
            _ = ValidateUtf8(stream, 3, file);
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

        RefuseBinary(stream, file);
        if (Utf16WithoutMark(stream) is { } utf16)
        {
            diagnostics?.Add(new BomDiagnostic(Domain.Boms.FindingSeverity.Info, null, null, $"the file is {utf16.Name} without a byte-order mark (decided from its bytes)."));
            return utf16;
        }

        if (ValidateUtf8(stream, 0, file, throwOnInvalid: diagnostics is null) is not { } invalid)
        {
            return new Detected(new UTF8Encoding(false, true), 0, "utf-8");
        }

        // Not UTF-8 and no encoding named: the bytes say which legacy encoding an engineer's editor would use.
        _ = CodePagesRegistered.Value;
        var legacy = LooksLikeGb2312(stream) ? "gb18030" : "windows-1252";
        diagnostics!.Add(new BomDiagnostic(Domain.Boms.FindingSeverity.Warning, null, null,
            $"the file is not valid UTF-8 ({invalid}); it is read as {legacy}, decided from its bytes. Name its encoding with --encoding if the text reads wrong."));
        return new Detected(Encoding.GetEncoding(legacy, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), 0, legacy);
    }

    /// <summary>Control bytes that no text file holds (other than tab, line ends, form feed and escape) in the first 8 KiB: a binary file.</summary>
    private static void RefuseBinary(Stream stream, string file)
    {
        Span<byte> head = stackalloc byte[8192];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (Utf16WithoutMark(stream) is not null)
        {
            return;
        }

        for (var i = 0; i < read; i++)
        {
            if (head[i] is < 0x09 or (> 0x0D and < 0x20 and not 0x1B))
            {
                throw new BomFileException(file, null, null, $"the file holds binary data (byte 0x{head[i]:X2} at offset {i}): it is not a text BOM, a workbook or IPC-2581 XML.");
            }
        }
    }

    /// <summary>UTF-16 without a byte-order mark: every other byte of the first ones is zero.</summary>
    private static Detected? Utf16WithoutMark(Stream stream)
    {
        Span<byte> head = stackalloc byte[256];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) & ~1;
        if (read < 8)
        {
            return null;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < read; i += 2)
        {
            evenZero += head[i] == 0 ? 1 : 0;
            oddZero += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = read / 2;
        if (oddZero * 10 >= pairs * 9 && evenZero == 0)
        {
            return new Detected(new UnicodeEncoding(false, false, true), 0, "utf-16le");
        }

        return evenZero * 10 >= pairs * 9 && oddZero == 0 ? new Detected(new UnicodeEncoding(true, false, true), 0, "utf-16be") : null;
    }

    /// <summary>True when the bytes above 0x7F pair up as GB2312 double-byte characters (lead 0xA1-0xF7, trail 0xA1-0xFE), as Chinese text does.</summary>
    private static bool LooksLikeGb2312(Stream stream)
    {
        stream.Position = 0;
        var buffer = new byte[1 << 20];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        int high = 0, paired = 0;
        for (var i = 0; i < read; i++)
        {
            var b = buffer[i];
            if (b < 0x80)
            {
                continue;
            }

            high++;
            if (b is >= 0xA1 and <= 0xF7 && i + 1 < read && buffer[i + 1] is >= 0xA1 and <= 0xFE)
            {
                paired += 2;
                high++;
                i++;
            }
        }

        return high > 0 && paired * 10 >= high * 9;
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

    /// <summary>Checks the whole text is UTF-8; returns where it is not (or throws, when asked to).</summary>
    private static string? ValidateUtf8(Stream stream, int start, string file, bool throwOnInvalid = true)
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
                    if (!throwOnInvalid)
                    {
                        return $"the bytes at offset {bad} ({shown}) are not a UTF-8 sequence";
                    }

                    throw new BomFileException(file, null, null,
                        $"the file is not valid UTF-8: the bytes at offset {bad} ({shown}) are not a UTF-8 sequence. Name its encoding with --encoding (e.g. gbk, windows-1252).");
                }

                if (chars.AsSpan(0, written).Contains('\0'))
                {
                    throw new BomFileException(file, null, null, $"the file holds NUL characters near byte offset {offset}: it is binary, not a text BOM.");
                }

                if (final)
                {
                    return null;
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

using System.Buffers;
using System.Text;

namespace SecondSource.Formats.Boms.Reading;

/// <summary>
/// Reads a text one line at a time (LF, CRLF or a lone CR end a line), numbering the lines from 1, and refuses a line
/// longer than its ceiling before holding it in memory, so a file with a 2 GB line is refused in bounded memory.
/// Lines handed back by <see cref="PushBack"/> are read again first (a quoted field that turned out to be a stray quote).
/// </summary>
internal sealed class TextLines(TextReader reader, string file, int maxLineChars, string encodingName)
{
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\r\n");

    private readonly Stack<(string Text, int Number)> _pushedBack = new();
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLeadingLf;

    /// <summary>The number of the last line read (1-based).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line, or false at the end of the text.</summary>
    public bool TryRead(out string line, out int number)
    {
        if (_pushedBack.TryPop(out var again))
        {
            (line, number) = again;
            return true;
        }

        while (true)
        {
            if (_skipLeadingLf && _start < _end)
            {
                if (_buffer[_start] == '\n')
                {
                    _start++;
                }

                _skipLeadingLf = false;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var at = span.IndexOfAny(LineEnds);
            if (at >= 0)
            {
                line = new string(span[..at]);
                var ending = span[at];
                _start += at + 1;
                if (ending == '\r')
                {
                    if (_start < _end)
                    {
                        if (_buffer[_start] == '\n')
                        {
                            _start++;
                        }
                    }
                    else
                    {
                        _skipLeadingLf = true;
                    }
                }

                number = ++LineNumber;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = new string(span);
                    _start = _end;
                    number = ++LineNumber;
                    return true;
                }

                line = "";
                number = LineNumber;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Gives lines back to be read again, the first of them next.</summary>
    public void PushBack(IReadOnlyList<(string Text, int Number)> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            _pushedBack.Push(lines[i]);
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxLineChars)
            {
                throw new BomFileException(file, LineNumber + 1, null,
                    $"line {LineNumber + 1} is longer than {maxLineChars:N0} characters; no BOM row is that long, so the file is refused (is it a BOM?).");
            }

            Array.Resize(ref _buffer, Math.Min(maxLineChars, _buffer.Length * 2));
        }

        int read;
        try
        {
            read = reader.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BomFileException(file, LineNumber + 1, null, $"the file cannot be decoded as {encodingName}: {ex.Message}");
        }

        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}

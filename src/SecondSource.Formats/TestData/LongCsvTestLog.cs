using System.Globalization;
using nietras.SeparatedValues;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Formats.TestData;

/// <summary>
/// The long CSV test log (docs/testdata.md): one row per measurement, comma-separated, a header with fixed names.
/// Required: <c>serial, batch, station, run_start, run_result, measurement, value, result</c>; optional:
/// <c>test_plan, run_end, firmware, panel_position, unit, low, high</c>; any other column is kept as an attribute of
/// the run. The rows of one run (same serial, station and run_start) are consecutive. Read in one streaming pass:
/// a run is yielded as soon as its last row is read, so memory does not grow with the file. Values and limits are
/// normalised to base units; anything malformed stops the read with the line and field.
/// </summary>
public static class LongCsvTestLog
{
    public static readonly string[] Required = ["serial", "batch", "station", "run_start", "run_result", "measurement", "value", "result"];
    public static readonly string[] Optional = ["test_plan", "run_end", "firmware", "panel_position", "unit", "low", "high"];

    /// <summary>Extra columns kept per run (each value up to 400 characters), so a run's attributes stay small.</summary>
    public const int MaxAttributes = 16;

    /// <summary>A line longer than this is refused (a row is a few hundred bytes): a file that never ends a line is not buffered whole.</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>
    /// Most measurements in one run: a run's rows are held until it ends, so this bounds the memory of any file (a unit's
    /// run has tens to a few thousand measurements; in-circuit tests of large boards reach tens of thousands).
    /// </summary>
    public const int MaxMeasurementsPerRun = 100_000;

    /// <summary>Most distinct measurement names in one file (each is kept once for the whole read; test plans have hundreds to thousands).</summary>
    public const int MaxMeasurementNames = 100_000;

    /// <summary>The CSV reader over the checked text; a header Sep cannot take (a column named twice) is a file error.</summary>
    private static SepReader Open(Stream content, string file)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = false }).From(content);
        }
        catch (ArgumentException ex)
        {
            throw new TestLogException(file, "line 1", null, $"the header cannot be read: {ex.Message.Split(" in header row", 2)[0]}");
        }
    }

    /// <summary>The next row; a row Sep refuses (a different number of fields than the header) is a file error with its line.</summary>
    private static bool Next(SepReader reader, string file)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (InvalidDataException ex)
        {
            throw new TestLogException(file, "a row", null, $"the row cannot be read: {ex.Message}");
        }
    }

    private static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<TestRunRecord> Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var checkedContent = new CheckedTextStream(content, fileName, MaxLineBytes, "a test-log line is a few hundred");
        using var reader = Open(checkedContent, fileName);
        var header = reader.Header;
        var missing = Required.Where(r => !header.ColNames.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new TestLogException(fileName, "line 1", null, $"the header lacks {string.Join(", ", missing)} (see docs/testdata.md for the long CSV format)");
        }

        var parser = new Parser(fileName, header);
        while (Next(reader, fileName))
        {
            if (parser.Process(reader.Current) is { } done)
            {
                yield return done;
            }
        }

        if (parser.Finish() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The state of one read: column positions, the run being collected, the last run's shape.</summary>
    private sealed class Parser
    {
        private readonly string _file;
        private readonly int _serialCol, _batchCol, _stationCol, _startCol, _resultCol, _nameCol, _valueCol, _rowResultCol;
        private readonly int _planCol, _endCol, _firmwareCol, _panelCol, _unitCol, _lowCol, _highCol;
        private readonly (string Name, int Index)[] _extras;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _names = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly Dictionary<string, UnitScale?>.AlternateLookup<ReadOnlySpan<char>> _units = new Dictionary<string, UnitScale?>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private RunBuilder? _run;
        private MeasurementDefinition[] _previousShape = [];
        private int _line = 1;

        public Parser(string file, SepReaderHeader header)
        {
            _file = file;
            int Col(string name) => header.ColNames.Contains(name) ? header.IndexOf(name) : -1;
            (_serialCol, _batchCol, _stationCol, _startCol, _resultCol, _nameCol, _valueCol, _rowResultCol) =
                (Col("serial"), Col("batch"), Col("station"), Col("run_start"), Col("run_result"), Col("measurement"), Col("value"), Col("result"));
            (_planCol, _endCol, _firmwareCol, _panelCol, _unitCol, _lowCol, _highCol) = (Col("test_plan"), Col("run_end"), Col("firmware"), Col("panel_position"), Col("unit"), Col("low"), Col("high"));
            _extras = header.ColNames.Select((n, i) => (n, i)).Where(c => !Required.Contains(c.n) && !Optional.Contains(c.n)).ToArray();
            if (_extras.Length > MaxAttributes || _extras.Any(e => e.Name.Length > 64))
            {
                throw new TestLogException(file, "line 1", null, $"at most {MaxAttributes} extra columns with names of at most 64 characters are kept as run attributes");
            }
        }

        /// <summary>Takes one row; returns the previous run when this row starts a new one.</summary>
        public TestRunRecord? Process(SepReader.Row row)
        {
            _line++;
            var where = $"line {_line.ToString(CultureInfo.InvariantCulture)}";
            TestRunRecord? done = null;
            if (_run is null || !_run.Matches(row[_serialCol].Span, row[_stationCol].Span, row[_startCol].Span))
            {
                done = _run?.Build(_file, ref _previousShape);
                _run = RunBuilder.Start(_file, where, _line, row, _serialCol, _batchCol, _stationCol, _startCol, _resultCol, _planCol, _endCol, _firmwareCol, _panelCol, _extras);
            }

            var name = row[_nameCol].Span.Trim();
            if (name.IsEmpty)
            {
                throw new TestLogException(_file, where, "measurement", "the measurement has no name");
            }

            if (name.Length > 200 || HasControl(name))
            {
                throw new TestLogException(_file, where, "measurement", "the measurement name must be at most 200 printable characters");
            }

            if (!_names.TryGetValue(name, out var interned))
            {
                if (_names.Dictionary.Count >= MaxMeasurementNames)
                {
                    throw new TestLogException(_file, where, "measurement", $"more than {MaxMeasurementNames:N0} different measurement names in one file; a test plan has hundreds to thousands, so the file is refused (split it, or check that the name column holds names)");
                }

                interned = name.ToString();
                _names.TryAdd(interned, interned);
            }

            var unit = _unitCol < 0 ? [] : row[_unitCol].Span.Trim();
            if (!_units.TryGetValue(unit, out var known))
            {
                known = MeasurementUnits.TryResolve(unit.ToString());
                _units.TryAdd(unit.ToString(), known);
            }

            if (known is not { } scale)
            {
                throw new TestLogException(_file, where, "unit", $"'{unit.ToString()}' is not a unit SecondSource knows (V, A, Ohm, F, H, Hz, s, W with SI prefixes; %, ppm, dB, dBm, °C)");
            }

            var value = Number(_file, where, "value", row[_valueCol].Span) ?? throw new TestLogException(_file, where, "value", "the value is empty");
            var low = _lowCol < 0 ? null : Number(_file, where, "low", row[_lowCol].Span);
            var high = _highCol < 0 ? null : Number(_file, where, "high", row[_highCol].Span);
            if (low > high)
            {
                throw new TestLogException(_file, where, "low", $"the limits are reversed (low {low.Value.ToString(CultureInfo.InvariantCulture)} above high {high!.Value.ToString(CultureInfo.InvariantCulture)})");
            }

            var result = Result(_file, where, "result", row[_rowResultCol].Span);
            if (_run.Count >= MaxMeasurementsPerRun)
            {
                throw new TestLogException(_file, where, "measurement", $"the run that starts on {_run.Where} has more than {MaxMeasurementsPerRun:N0} measurements; a unit's run has tens to a few thousand, so the file is refused (are serial, station and run_start the same on every row?)");
            }

            _run.Add(interned, scale.BaseUnit, low is { } l ? scale.Apply(l) : null, high is { } h ? scale.Apply(h) : null, scale.Apply(value), result, _previousShape);
            return done;
        }

        public TestRunRecord? Finish() => _run?.Build(_file, ref _previousShape);
    }

    private static double? Number(string file, string where, string field, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new TestLogException(file, where, field, $"'{text.ToString()}' is not a number");
        }

        return double.IsFinite(value) ? value : throw new TestLogException(file, where, field, $"'{text.ToString()}' is not a finite number");
    }

    internal static TestResult Result(string file, string where, string field, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Equals("Passed", StringComparison.OrdinalIgnoreCase) || text.Equals("Pass", StringComparison.OrdinalIgnoreCase) || text.Equals("P", StringComparison.OrdinalIgnoreCase))
        {
            return TestResult.Passed;
        }

        if (text.Equals("Failed", StringComparison.OrdinalIgnoreCase) || text.Equals("Fail", StringComparison.OrdinalIgnoreCase) || text.Equals("F", StringComparison.OrdinalIgnoreCase))
        {
            return TestResult.Failed;
        }

        return Enum.TryParse<TestResult>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _)
            ? parsed
            : throw new TestLogException(file, where, field, $"'{text.ToString()}' is not a result (Passed, Failed, Error, Aborted, Skipped)");
    }

    /// <summary>Collects the rows of one run.</summary>
    private sealed class RunBuilder
    {
        private readonly List<double> _values = new(256);
        private readonly List<TestResult> _results = new(256);
        private readonly List<MeasurementDefinition> _shape = new(256);
        private bool _sameShape = true;

        private string _serial = "", _station = "", _startText = "", _batch = "", _where = "";
        private string? _plan, _firmware;
        private int _line;
        private int? _panel;
        private DateTimeOffset _start;
        private DateTimeOffset? _end;
        private TestResult _result;
        private Dictionary<string, string>? _attributes;

        public static RunBuilder Start(string file, string where, int line, SepReader.Row row, int serialCol, int batchCol, int stationCol, int startCol, int resultCol,
            int planCol, int endCol, int firmwareCol, int panelCol, (string Name, int Index)[] extras)
        {
            var run = new RunBuilder { _line = line, _where = where };
            try
            {
                run._serial = Serials.Check(row[serialCol].ToString().Trim(), "Serial number");
                run._batch = Serials.Check(row[batchCol].ToString().Trim(), "Batch");
            }
            catch (DomainException ex)
            {
                throw new TestLogException(file, where, ex.Message.StartsWith("Batch", StringComparison.Ordinal) ? "batch" : "serial", ex.Message);
            }

            run._station = Text(file, where, "station", row[stationCol].ToString(), required: true)!;
            run._startText = row[startCol].ToString();
            run._start = Time(file, where, "run_start", run._startText) ?? throw new TestLogException(file, where, "run_start", "the run has no start time");
            run._end = endCol < 0 ? null : Time(file, where, "run_end", row[endCol].ToString());
            if (run._end < run._start)
            {
                throw new TestLogException(file, where, "run_end", "the run ends before it starts");
            }

            run._result = Result(file, where, "run_result", row[resultCol].Span);
            run._plan = planCol < 0 ? null : Text(file, where, "test_plan", row[planCol].ToString(), required: false);
            run._firmware = firmwareCol < 0 ? null : Text(file, where, "firmware", row[firmwareCol].ToString(), required: false);
            if (panelCol >= 0 && row[panelCol].Span.Trim() is { IsEmpty: false } panel)
            {
                run._panel = int.TryParse(panel, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position < 10_000
                    ? position
                    : throw new TestLogException(file, where, "panel_position", $"'{panel.ToString()}' is not a panel position (0 to 9999)");
            }

            foreach (var (name, index) in extras)
            {
                var value = row[index].ToString();
                if (value.Length > 0)
                {
                    (run._attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value.Length > 400 ? value[..400] : value;
                }
            }

            return run;
        }

        /// <summary>The measurements collected so far.</summary>
        public int Count => _values.Count;

        /// <summary>Where the run starts ("line 12").</summary>
        public string Where => _where;

        public bool Matches(ReadOnlySpan<char> serial, ReadOnlySpan<char> station, ReadOnlySpan<char> start) =>
            start.SequenceEqual(_startText) && serial.Trim().SequenceEqual(_serial) && station.Trim().SequenceEqual(_station);

        public void Add(string name, string unit, double? low, double? high, double value, TestResult result, MeasurementDefinition[] previousShape)
        {
            var i = _values.Count;
            if (_sameShape && i < previousShape.Length && previousShape[i] is var known
                && ReferenceEquals(known.Name, name) && known.Unit == unit && known.Low == low && known.High == high)
            {
                _shape.Add(known);
            }
            else
            {
                _sameShape = false;
                _shape.Add(new MeasurementDefinition(name, unit, low, high));
            }

            _values.Add(value);
            _results.Add(result);
        }

        public TestRunRecord Build(string file, ref MeasurementDefinition[] previousShape)
        {
            MeasurementDefinition[] shape;
            if (_sameShape && _shape.Count == previousShape.Length)
            {
                shape = previousShape;
            }
            else
            {
                shape = [.. _shape];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var definition in shape)
                {
                    if (!seen.Add(definition.Name))
                    {
                        throw new TestLogException(file, _where, "measurement", $"the run of {_serial} at {_startText} lists {definition.Name} twice (or its rows are not consecutive)");
                    }
                }

                previousShape = shape;
            }

            return new TestRunRecord(_line, _serial, _batch, _station, _plan, _start, _end, _result, _firmware, _panel, _attributes, shape, [.. _values], [.. _results]);
        }

        private static string? Text(string file, string where, string field, string value, bool required)
        {
            var text = value.Trim();
            if (text.Length == 0)
            {
                return required ? throw new TestLogException(file, where, field, $"the {field} is empty") : null;
            }

            if (text.Length > 100 || text.Any(char.IsControl))
            {
                throw new TestLogException(file, where, field, $"the {field} must be at most 100 printable characters");
            }

            return text;
        }

        private static DateTimeOffset? Time(string file, string where, string field, string value)
        {
            var text = value.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw new TestLogException(file, where, field, $"'{text}' is not a time (ISO 8601, e.g. 2026-11-28T10:15:00Z)");
        }
    }
}

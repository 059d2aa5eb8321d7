using System.Globalization;
using System.Text;
using System.Text.Json;
using SecondSource.Domain.Common;
using SecondSource.Domain.TestData;

namespace SecondSource.Formats.TestData;

/// <summary>
/// IPC-CFX <c>CFX.Production.TestAndInspection.UnitsTested</c> messages (IPC-2591, CFX 2.x; research note
/// formats.md §3): one envelope, or newline-delimited envelopes (one per line). Each tested unit is one run: serial =
/// <c>UnitIdentifier</c> (with <c>/position</c> when <c>UnitPositionNumber</c> is set, so the circuits of a panel are
/// distinct units), station = the envelope's <c>Source</c>, test plan = <c>RecipeName</c> and <c>RecipeRevision</c>,
/// start and end from the tests' times (else the envelope's <c>TimeStamp</c>), result = <c>OverallResult</c>.
/// Numeric measurements are named <c>TestName.MeasurementName</c>; value and limits are normalised to base units
/// each from its own unit (limits without a unit take <c>ExpectedValueUnits</c>, else <c>ValueUnits</c>); boolean
/// measurements are 1 or 0; text measurements are not values and are skipped. Defects and symptoms become defects.
/// Every message names its batch through the caller (CFX has none).
/// </summary>
public static class CfxUnitsTested
{
    public const string MessageName = "CFX.Production.TestAndInspection.UnitsTested";

    /// <summary>A line (one message, or an indented message's line) longer than this is refused, never read whole.</summary>
    public const int MaxMessageBytes = 16 << 20;

    public static IEnumerable<TestRunRecord> Read(Stream content, string fileName, string batch)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var checkedContent = new CheckedTextStream(content, fileName, MaxMessageBytes, "a CFX message is far smaller");
        using var reader = new StreamReader(checkedContent, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var first = reader.Peek();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xFEFF)
        {
            reader.Read();
            first = reader.Peek();
        }

        // An indented single message spans many lines: read it whole. Otherwise one message per line.
        var text = reader.ReadLine();
        if (text is not null && text.TrimEnd() == "{")
        {
            var whole = new StringBuilder("{");
            var chunk = new char[1 << 16];
            int got;
            while ((got = reader.Read(chunk)) > 0)
            {
                whole.Append(chunk, 0, got);
                if (whole.Length > MaxMessageBytes)
                {
                    throw new TestLogException(fileName, "line 1 (message)", null, $"longer than {MaxMessageBytes:N0} characters; a CFX message is far smaller");
                }
            }

            foreach (var run in Message(whole.ToString(), fileName, 1, batch))
            {
                yield return run;
            }

            yield break;
        }

        var index = 0;
        for (; text is not null; text = reader.ReadLine())
        {
            index++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var run in Message(text, fileName, index, batch))
            {
                yield return run;
            }
        }
    }

    /// <summary>One envelope; <paramref name="index"/> is its line in a newline-delimited file (1 for a single message).</summary>
    private static List<TestRunRecord> Message(string json, string file, int index, string batch)
    {
        var where = $"line {index.ToString(CultureInfo.InvariantCulture)} (message)";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new TestLogException(file, where, null, $"not valid JSON ({ex.Message.Split('.')[0]})");
        }

        using (document)
        {
            var envelope = document.RootElement;
            if (envelope.ValueKind != JsonValueKind.Object)
            {
                throw new TestLogException(file, where, null, "a CFX message is a JSON object (an envelope)");
            }

            var name = Text(envelope, "MessageName");
            if (name != MessageName)
            {
                throw new TestLogException(file, where, "MessageName", $"'{name}' is not {MessageName}");
            }

            var body = Member(envelope, "MessageBody", file, where, "MessageBody");
            var stamp = Time(envelope, "TimeStamp", file, where, "TimeStamp");
            var station = Text(envelope, "Source") is { Length: > 0 } source ? source : throw new TestLogException(file, where, "Source", "the message has no Source (the station)");
            var plan = Text(body, "RecipeName") is { Length: > 0 } recipe ? (Text(body, "RecipeRevision") is { Length: > 0 } revision ? $"{recipe} rev {revision}" : recipe) : null;
            var units = Member(body, "TestedUnits", file, where, "MessageBody.TestedUnits");
            var runs = new List<TestRunRecord>();
            var u = 0;
            foreach (var unit in units.EnumerateArray())
            {
                runs.Add(Unit(unit, file, where, $"MessageBody.TestedUnits[{u.ToString(CultureInfo.InvariantCulture)}]", batch, station, plan, stamp) with { Line = index });
                u++;
            }

            return runs;
        }
    }

    private static TestRunRecord Unit(JsonElement unit, string file, string where, string path, string batch, string station, string? plan, DateTimeOffset? stamp)
    {
        var identifier = Text(unit, "UnitIdentifier");
        int? position = Has(unit, "UnitPositionNumber", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var pn) ? pn : null;
        string serial;
        try
        {
            serial = Serials.Check(position is { } n ? $"{identifier}/{n.ToString(CultureInfo.InvariantCulture)}" : identifier, "Serial number");
        }
        catch (DomainException ex)
        {
            throw new TestLogException(file, where, $"{path}.UnitIdentifier", ex.Message);
        }

        var result = Result(unit, "OverallResult", file, where, $"{path}.OverallResult");
        var definitions = new List<MeasurementDefinition>();
        var values = new List<double>();
        var results = new List<TestResult>();
        var defects = new List<DefectRecord>();
        DateTimeOffset? start = null, end = null;
        var t = 0;
        foreach (var test in Has(unit, "Tests", out var tests) && tests.ValueKind == JsonValueKind.Array ? tests.EnumerateArray() : default)
        {
            var testPath = $"{path}.Tests[{t.ToString(CultureInfo.InvariantCulture)}]";
            var testName = Text(test, "TestName") is { Length: > 0 } tn ? tn : $"Test{t + 1}";
            if (Time(test, "TestStartTime", file, where, $"{testPath}.TestStartTime") is { } s && (start is null || s < start))
            {
                start = s;
            }

            if (Time(test, "TestEndTime", file, where, $"{testPath}.TestEndTime") is { } e && (end is null || e > end))
            {
                end = e;
            }

            var m = 0;
            foreach (var measurement in Has(test, "Measurements", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default)
            {
                Measurement(measurement, file, where, $"{testPath}.Measurements[{m.ToString(CultureInfo.InvariantCulture)}]", testName, definitions, values, results);
                m++;
            }

            foreach (var kind in new[] { "DefectsFound", "SymptomsFound" })
            {
                foreach (var found in Has(test, kind, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : default)
                {
                    defects.Add(Defect(found, kind == "DefectsFound"));
                }
            }

            t++;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions.Where(d => !seen.Add(d.Name)))
        {
            throw new TestLogException(file, where, path, $"unit {serial} reports {definition.Name} twice");
        }

        var begun = start ?? stamp ?? throw new TestLogException(file, where, $"{path}.Tests", "no test start time and no TimeStamp on the message");
        if (end < begun)
        {
            throw new TestLogException(file, where, $"{path}.Tests", "the tests end before they start");
        }

        return new TestRunRecord(0, serial, batch, station, plan, begun, end, result, null, position, null, [.. definitions], [.. values], [.. results]) { Defects = defects };
    }

    private static void Measurement(JsonElement measurement, string file, string where, string path, string testName, List<MeasurementDefinition> definitions, List<double> values, List<TestResult> results)
    {
        var type = Text(measurement, "$type") ?? "";
        var name = $"{testName}.{(Text(measurement, "MeasurementName") is { Length: > 0 } mn ? mn : "value")}";
        var result = Result(measurement, "Result", file, where, $"{path}.Result");
        if (Has(measurement, "MeasuredValue", out var measured) && measured.ValueKind == JsonValueKind.Object)
        {
            var value = Number(measured, "Value", file, where, $"{path}.MeasuredValue.Value") ?? throw new TestLogException(file, where, $"{path}.MeasuredValue.Value", "the measurement has no value");
            var valueUnit = Text(measured, "ValueUnits") ?? "";
            var limitUnit = Text(measured, "ExpectedValueUnits") ?? valueUnit;
            var (normalised, unit) = Normalise(value, valueUnit, file, where, $"{path}.MeasuredValue.ValueUnits");
            double? low = null, high = null;
            if (Number(measured, "MinimumAcceptableValue", file, where, $"{path}.MeasuredValue.MinimumAcceptableValue") is { } min)
            {
                low = Limit(min, Text(measured, "MinimumAcceptableValueUnits") ?? limitUnit, unit, file, where, $"{path}.MeasuredValue.MinimumAcceptableValueUnits");
            }

            if (Number(measured, "MaximumAcceptableValue", file, where, $"{path}.MeasuredValue.MaximumAcceptableValue") is { } max)
            {
                high = Limit(max, Text(measured, "MaximumAcceptableValueUnits") ?? limitUnit, unit, file, where, $"{path}.MeasuredValue.MaximumAcceptableValueUnits");
            }

            if (low > high)
            {
                throw new TestLogException(file, where, $"{path}.MeasuredValue", $"the limits are reversed (minimum {low.Value.ToString(CultureInfo.InvariantCulture)} above maximum {high!.Value.ToString(CultureInfo.InvariantCulture)} {unit})");
            }

            definitions.Add(new MeasurementDefinition(name, unit, low, high));
            values.Add(normalised);
            results.Add(result);
        }
        else if (type.Contains("BooleanMeasurement", StringComparison.Ordinal) || Has(measurement, "Value", out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var flag = Has(measurement, "Value", out var v) && v.ValueKind == JsonValueKind.True;
            definitions.Add(new MeasurementDefinition(name, "", null, null));
            values.Add(flag ? 1 : 0);
            results.Add(result);
        }
    }

    private static double Limit(double value, string unitText, string valueUnit, string file, string where, string field)
    {
        var (normalised, unit) = Normalise(value, unitText, file, where, field);
        return unit == valueUnit ? normalised : throw new TestLogException(file, where, field, $"the limit is in {unit} but the value in {valueUnit}");
    }

    private static (double Value, string Unit) Normalise(double value, string unit, string file, string where, string field) =>
        MeasurementUnits.TryResolve(unit) is { } scale
            ? (scale.Apply(value), scale.BaseUnit)
            : throw new TestLogException(file, where, field, $"'{unit}' is not a unit SecondSource knows (V, A, Ohm, F, H, Hz, s, W with SI prefixes; %, ppm, dB, dBm, °C)");

    private static DefectRecord Defect(JsonElement found, bool isDefect)
    {
        var category = Text(found, isDefect ? "DefectCategory" : "SymptomCategory") is { Length: > 0 } c ? c : isDefect ? "Defect" : "Symptom";
        var code = Text(found, isDefect ? "DefectCode" : "SymptomCode");
        string? designator = null;
        if (Has(found, "ComponentOfInterest", out var component) && component.ValueKind == JsonValueKind.Object)
        {
            designator = Text(component, "ReferenceDesignator");
        }
        else if (Has(found, "ComponentsOfInterest", out var components) && components.ValueKind == JsonValueKind.Array)
        {
            designator = string.Join(",", components.EnumerateArray().Select(x => Text(x, "ReferenceDesignator")).Where(x => !string.IsNullOrEmpty(x)));
        }

        return new DefectRecord(Clip(category, 100)!, Clip(code, 100), Clip(designator, 200), Clip(Text(found, "Description"), 500));
    }

    /// <summary>A member of an object; nothing for anything else (a damaged message can put a number where an object goes).</summary>
    private static bool Has(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    private static string? Clip(string? text, int length) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > length ? text.Trim()[..length] : text.Trim();

    private static JsonElement Member(JsonElement element, string name, string file, string where, string path) =>
        Has(element, name, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? value
            : throw new TestLogException(file, where, path, "missing");

    private static string? Text(JsonElement element, string name) =>
        Has(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name, string file, string where, string path)
    {
        if (!Has(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new TestLogException(file, where, path, $"'{value.GetRawText()}' is not a finite number");
        }

        return number;
    }

    private static DateTimeOffset? Time(JsonElement element, string name, string file, string where, string path)
    {
        if (!Has(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new TestLogException(file, where, path, $"{value.GetRawText()} is not a time (ISO 8601)");
    }

    private static TestResult Result(JsonElement element, string name, string file, string where, string path) =>
        Text(element, name) is { } text
            ? LongCsvTestLog.Result(file, where, path, text)
            : throw new TestLogException(file, where, path, "missing (Passed, Failed, Error, Aborted, Skipped)");
}

using System.Text;
using SecondSource.Formats.TestData;

namespace SecondSource.Formats.Tests.TestData;

/// <summary>
/// Known-bad test logs (issue 12): invalid UTF-8, control characters in names, a line without end, deeply nested JSON,
/// a file of gigabytes that never ends a line — each refused with a clear error naming its place, in bounded time and
/// memory, never read whole.
/// </summary>
public sealed class HostileTestLogTests
{
    private const string Header = "serial,batch,station,test_plan,run_start,run_result,firmware,measurement,value,unit,low,high,result\n";

    private static List<TestRunRecord> Csv(byte[] content) => [.. LongCsvTestLog.Read(new MemoryStream(content), "log.csv")];

    private static List<TestRunRecord> Cfx(byte[] content) => [.. CfxUnitsTested.Read(new MemoryStream(content), "cfx.jsonl", "B1")];

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte_offset_never_decoded_into_replacement_characters()
    {
        var csv = Encoding.UTF8.GetBytes(Header + "SN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,VCC,3.3,V,3.2,3.4,Passed\nSN2,B1,FCT,TP,2026-07-01T10:01:00Z,Passed,2.4.1,VCC,3.3,V,3.2,3.4,Passed\n").ToList();
        var at = csv.Count - 30;
        csv.Insert(at, 0xC3); // a lead byte followed by ASCII: not UTF-8
        Should.Throw<TestLogException>(() => Csv([.. csv])).Message.ShouldBe($"log.csv, byte {at}: not valid UTF-8; save the log as UTF-8");
        var cfx = Encoding.UTF8.GetBytes("""{"MessageName":"CFX.Production.TestAndInspection.UnitsTested","MessageBody":{"TestedUnits":[]}}""").Concat(new byte[] { 0xFF, 0x0A }).ToArray();
        Should.Throw<TestLogException>(() => Cfx(cfx)).Message.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public void A_run_that_never_ends_is_refused_at_its_measurement_past_the_budget_so_memory_stays_bounded()
    {
        // Security round 2: a run's rows are held until the run ends, so one endless run was a file held whole.
        var rows = new StringBuilder(Header);
        for (var i = 0; i <= LongCsvTestLog.MaxMeasurementsPerRun; i++)
        {
            rows.Append("SN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,VCC,3.3,V,3.2,3.4,Passed\n");
        }

        Should.Throw<TestLogException>(() => Csv(Encoding.UTF8.GetBytes(rows.ToString()))).Message
            .ShouldBe($"log.csv, line {LongCsvTestLog.MaxMeasurementsPerRun + 2:D}, field measurement: the run that starts on line 2 has more than 100,000 measurements; a unit's run has tens to a few thousand, so the file is refused (are serial, station and run_start the same on every row?)");
    }

    [Fact]
    public void A_file_of_endlessly_new_measurement_names_is_refused_past_the_budget()
    {
        var rows = new StringBuilder(Header);
        for (var i = 0; i <= LongCsvTestLog.MaxMeasurementNames; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"SN{i},B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,M{i},3.3,V,3.2,3.4,Passed\n");
        }

        Should.Throw<TestLogException>(() => Csv(Encoding.UTF8.GetBytes(rows.ToString()))).Message
            .ShouldStartWith($"log.csv, line {LongCsvTestLog.MaxMeasurementNames + 2:D}, field measurement: more than 100,000 different measurement names in one file");
    }

    [Fact]
    public void A_truncated_multibyte_character_at_the_end_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "SN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,VCC,3.3,V,3.2,3.4,Passed\n").Concat(new byte[] { 0xE2, 0x82 }).ToArray();
        Should.Throw<TestLogException>(() => Csv(bytes)).Message.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public void Control_characters_in_serials_and_measurement_names_are_refused_naming_line_and_field()
    {
        var serial = Encoding.UTF8.GetBytes(Header + "SN\u00071,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,VCC,3.3,V,3.2,3.4,Passed\n");
        Should.Throw<TestLogException>(() => Csv(serial)).Message.ShouldContain("line 2, field serial");
        var name = Encoding.UTF8.GetBytes(Header + "SN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,VC\u001bC,3.3,V,3.2,3.4,Passed\n");
        Should.Throw<TestLogException>(() => Csv(name)).Message.ShouldContain("line 2, field measurement");
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_refused_found_by_the_fuzzer()
    {
        // The fuzzer's case (seed cW1suqGLrVm2): a damaged line break joined the first row to the header, so 'Passed' appeared twice.
        var csv = Encoding.UTF8.GetBytes("serial,batch,station,test_plan,run_start,run_result,measurement,value,result,Passed,x,Passed\nSN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,VCC,3.3,Passed,a,b,c\n");
        Should.Throw<TestLogException>(() => Csv(csv)).Message.ShouldStartWith("log.csv, line 1: the header cannot be read: Col name 'Passed' found 2 times");
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_a_message_error()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var json = """{"MessageName":"CFX.Production.TestAndInspection.UnitsTested","MessageBody":{"TestedUnits":""" + deep + "}}";
        var error = Should.Throw<TestLogException>(() => Cfx(Encoding.UTF8.GetBytes(json + "\n")));
        error.Message.ShouldStartWith("cfx.jsonl, line 1 (message): not valid JSON");
    }

    [Fact]
    public void A_line_that_never_ends_is_refused_in_bounded_memory_without_reading_the_rest()
    {
        // 2 GiB that never ends a line, produced on demand: the readers must stop at their line limit.
        using var endless = new EndlessStream(Encoding.UTF8.GetBytes(Header + "SN1,B1,FCT,TP,2026-07-01T10:00:00Z,Passed,2.4.1,"), (byte)'A', 2L << 30);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Should.Throw<TestLogException>(() => LongCsvTestLog.Read(endless, "huge.csv").ToList()).Message.ShouldBe("huge.csv, line 2: longer than 1,048,576 bytes; a test-log line is a few hundred");
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L << 20);
        endless.Position.ShouldBeLessThan(8L << 20);

        using var endlessJson = new EndlessStream(Encoding.UTF8.GetBytes("""{"MessageName":"CFX.Production.TestAndInspection.UnitsTested","x":" """), (byte)'A', 2L << 30);
        Should.Throw<TestLogException>(() => CfxUnitsTested.Read(endlessJson, "huge.jsonl", "B1").ToList()).Message.ShouldBe("huge.jsonl, line 1: longer than 16,777,216 bytes; a CFX message is far smaller");
        endlessJson.Position.ShouldBeLessThan(40L << 20);
    }

    /// <summary>A read-only stream of a prefix followed by one byte repeated up to a length, generated as read.</summary>
    private sealed class EndlessStream(byte[] prefix, byte fill, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < prefix.Length ? prefix[at] : fill;
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Text;
using CsCheck;
using SecondSource.Formats.TestData;

namespace SecondSource.Formats.Tests.TestData;

/// <summary>
/// Fuzz tests of the test-log readers (CsCheck), seeded from valid logs: random bytes, and a valid long CSV and CFX
/// message damaged at random, are read or refused with a <see cref="TestLogException"/> — never another exception.
/// </summary>
public sealed class TestLogFuzzTests
{
    private const string Csv = "serial,batch,station,test_plan,run_start,run_end,run_result,firmware,panel_position,measurement,value,unit,low,high,result,operator\n"
        + "VE-1,P1,ICT-1,TP-4,2026-11-20T08:00:00Z,2026-11-20T08:00:40Z,Passed,2.4.1,3,R12,28.3,kOhm,28.0,28.4,Passed,anna\n"
        + "VE-1,P1,ICT-1,TP-4,2026-11-20T08:00:00Z,2026-11-20T08:00:40Z,Passed,2.4.1,3,VCC_3V3,3301,mV,3.2,3.4,Passed,anna\n"
        + "VE-2,P1,ICT-1,TP-4,2026-11-20T08:01:00Z,,Failed,2.4.1,,R12,29.1,kOhm,28.0,28.4,Failed,anna\n";

    private const string Cfx = """{"MessageName":"CFX.Production.TestAndInspection.UnitsTested","Version":"2.1","TimeStamp":"2026-07-01T10:00:00Z","UniqueID":"0b4b8f7e-1","Source":"CFX.VISTULA.ICT01","MessageBody":{"TestMethod":"ICT","TestedUnits":[{"UnitIdentifier":"VE-PILOT-001","OverallResult":"Failed","Tests":[{"TestName":"PULLUPS","Result":"Failed","SymptomsFound":[{"SymptomCode":"RESFAIL2","SymptomCategory":"Electrical Tests","ComponentsOfInterest":[{"ReferenceDesignator":"R21"}]}],"Measurements":[{"MeasurementName":"R21","Result":"Failed","MeasuredValue":{"Value":10240,"ValueUnits":"Ohm"},"MinimumAcceptableValue":9.9,"MaximumAcceptableValue":10.1,"ExpectedValueUnits":"kOhm"}]}]}]}}""";

    [Fact]
    public void Random_bytes_are_read_or_refused_by_both_readers()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            ReadOrRefuse(() => LongCsvTestLog.Read(new MemoryStream(bytes), "fuzz.csv"));
            ReadOrRefuse(() => CfxUnitsTested.Read(new MemoryStream(bytes), "fuzz.jsonl", "B1"));
        }, iter: 2000);
    }

    [Fact]
    public void A_valid_long_csv_damaged_at_random_is_read_or_refused()
    {
        var original = Encoding.UTF8.GetBytes(Csv);
        Gen.Select(Gen.Int[0, original.Length - 1].Array[1, 12], Gen.Byte.Array[12]).Sample((positions, values) =>
        {
            var damaged = (byte[])original.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                damaged[positions[i]] = values[i];
            }

            ReadOrRefuse(() => LongCsvTestLog.Read(new MemoryStream(damaged), "damaged.csv"));
        }, iter: 2000);
    }

    [Fact]
    public void A_valid_cfx_message_damaged_at_random_is_read_or_refused()
    {
        Gen.Select(Gen.Int[0, Cfx.Length - 1], Gen.Int[0, 30], Gen.String[Gen.Char["{}[]\":,-0123456789.eE truenflsaXYZ\\u"], 0, 12]).Sample((at, cut, insert) =>
        {
            var damaged = Cfx[..at] + insert + Cfx[Math.Min(Cfx.Length, at + cut)..];
            ReadOrRefuse(() => CfxUnitsTested.Read(new MemoryStream(Encoding.UTF8.GetBytes(damaged)), "damaged.jsonl", "B1"));
        }, iter: 2000);
    }

    /// <summary>Crashes the fuzzing found: a number where an object goes (a symptom, a component, a test, a unit), a position too large for an int.</summary>
    [Theory]
    [InlineData("\"SymptomsFound\":[{", "\"SymptomsFound\":[5,{")]
    [InlineData("\"ComponentsOfInterest\":[{", "\"ComponentsOfInterest\":[true,{")]
    [InlineData("\"Tests\":[{", "\"Tests\":[1e3,{")]
    [InlineData("\"UnitIdentifier\":", "\"UnitPositionNumber\":1e12,\"UnitIdentifier\":")]
    public void Damage_the_fuzzer_found_in_a_cfx_message_is_read_or_refused(string find, string replaceWith)
    {
        var damaged = Cfx.Replace(find, replaceWith, StringComparison.Ordinal);
        damaged.ShouldNotBe(Cfx);

        ReadOrRefuse(() => CfxUnitsTested.Read(new MemoryStream(Encoding.UTF8.GetBytes(damaged)), "damaged.jsonl", "B1"));
    }

    private static void ReadOrRefuse(Func<IEnumerable<TestRunRecord>> read)
    {
        try
        {
            _ = read().ToList();
        }
        catch (TestLogException)
        {
            // A clear refusal is a correct answer to damaged input.
        }
    }
}

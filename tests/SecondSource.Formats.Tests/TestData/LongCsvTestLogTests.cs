using System.Text;
using SecondSource.Domain.TestData;
using SecondSource.Formats.TestData;
using TestResult = SecondSource.Domain.TestData.TestResult;

namespace SecondSource.Formats.Tests.TestData;

public sealed class LongCsvTestLogTests
{
    private const string Header = "serial,batch,station,test_plan,run_start,run_end,run_result,firmware,panel_position,measurement,value,unit,low,high,result,operator\n";

    private static List<TestRunRecord> Read(string csv) => LongCsvTestLog.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "log.csv").ToList();

    private static TestLogException Refused(string csv) => Should.Throw<TestLogException>(() => Read(csv));

    [Fact]
    public void Rows_become_runs_with_values_and_limits_in_base_units_and_extra_columns_as_attributes()
    {
        var runs = Read(Header +
            "VE-1,P1,ICT-1,TP-4,2026-11-20T08:00:00Z,2026-11-20T08:00:40Z,Passed,2.4.1,3,R12,28.3,kOhm,28.0,28.4,Passed,anna\n" +
            "VE-1,P1,ICT-1,TP-4,2026-11-20T08:00:00Z,2026-11-20T08:00:40Z,Passed,2.4.1,3,VCC_3V3,3301,mV,3200,3400,Passed,anna\n" +
            "VE-2,P1,ICT-1,TP-4,2026-11-20T08:01:00+01:00,,Failed,2.4.1,,R12,28500,Ohm,28000,28400,Failed,\n" +
            "VE-2,P1,ICT-1,TP-4,2026-11-20T08:01:00+01:00,,Failed,2.4.1,,VCC_3V3,3.29,V,3.2,3.4,P,\n");

        runs.Count.ShouldBe(2);
        var first = runs[0];
        (first.Serial, first.Batch, first.Station, first.TestPlan, first.Result, first.Firmware, first.PanelPosition, first.Line).ShouldBe(("VE-1", "P1", "ICT-1", "TP-4", TestResult.Passed, "2.4.1", 3, 2));
        first.End.ShouldBe(new DateTimeOffset(2026, 11, 20, 8, 0, 40, TimeSpan.Zero));
        first.Values.ShouldBe([28300, 3.301]);
        first.Definitions.ShouldBe([new MeasurementDefinition("R12", "Ohm", 28000, 28400), new MeasurementDefinition("VCC_3V3", "V", 3.2, 3.4)]);
        first.Attributes.ShouldBe(new Dictionary<string, string> { ["operator"] = "anna" });
        runs[1].Start.ShouldBe(new DateTimeOffset(2026, 11, 20, 7, 1, 0, TimeSpan.Zero));
        runs[1].Results.ShouldBe([TestResult.Failed, TestResult.Passed]);
        runs[1].Attributes.ShouldBeNull();
        runs[1].Definitions.ShouldBeSameAs(first.Definitions, "runs of the same shape share one definition array");
    }

    [Theory]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,NaN,Ohm,,,Passed,\n", "line 2, field value: 'NaN' is not a finite number")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,1e999,Ohm,,,Passed,\n", "line 2, field value: '1e999' is not a finite number")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,abc,Ohm,,,Passed,\n", "line 2, field value: 'abc' is not a number")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,1,Ohm,5,4,Passed,\n", "line 2, field low: the limits are reversed (low 5 above high 4)")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,1,furlong,,,Passed,\n", "line 2, field unit: 'furlong' is not a unit")]
    [InlineData("\"VE\t1\",P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,1,Ohm,,,Passed,\n", "line 2, field serial: Serial number contains a control character")]
    [InlineData("VE-1,P1,ICT-1,TP,yesterday,,Passed,,,R1,1,Ohm,,,Passed,\n", "line 2, field run_start: 'yesterday' is not a time")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Great,,,R1,1,Ohm,,,Passed,\n", "line 2, field run_result: 'Great' is not a result")]
    [InlineData("VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,2026-11-20T07:00:00Z,Passed,,,R1,1,Ohm,,,Passed,\n", "line 2, field run_end: the run ends before it starts")]
    public void A_malformed_row_is_refused_with_its_line_and_field(string row, string expected)
    {
        Refused(Header + "VE-0,P1,ICT-1,TP,2026-11-20T07:00:00Z,,Passed,,,R1,1,Ohm,,,Passed,\n" + row.Replace("line 2", "line 3", StringComparison.Ordinal))
            .Message.ShouldContain(expected.Replace("line 2", "line 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_without_the_required_columns_is_refused_naming_them()
    {
        Refused("serial,batch,measurement,value\nVE-1,P1,R1,1\n").Message.ShouldBe("log.csv, line 1: the header lacks station, run_start, run_result, result (see docs/testdata.md for the long CSV format)");
    }

    [Fact]
    public void Too_many_extra_columns_are_refused()
    {
        var extras = string.Join(',', Enumerable.Range(0, 17).Select(i => $"x{i}"));
        Refused($"serial,batch,station,run_start,run_result,measurement,value,result,{extras}\n").Message.ShouldContain("at most 16 extra columns");
    }

    [Fact]
    public void A_measurement_listed_twice_in_a_run_is_refused()
    {
        Refused(Header +
            "VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,1,Ohm,,,Passed,\n" +
            "VE-1,P1,ICT-1,TP,2026-11-20T08:00:00Z,,Passed,,,R1,2,Ohm,,,Passed,\n").Message.ShouldContain("lists R1 twice");
    }

    [Fact]
    public void Reading_streams_one_run_at_a_time()
    {
        var rows = new StringBuilder(Header);
        for (var unit = 0; unit < 3; unit++)
        {
            for (var m = 0; m < 200; m++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"VE-{unit},P1,FCT-1,TP,2026-11-20T08:0{unit}:00Z,,Passed,,,M{m},{m}.5,V,0,1000,Passed,\n");
            }
        }

        using var reader = LongCsvTestLog.Read(new MemoryStream(Encoding.UTF8.GetBytes(rows.ToString())), "log.csv").GetEnumerator();
        reader.MoveNext().ShouldBeTrue();
        reader.Current.Values.Length.ShouldBe(200);
        reader.Current.Values[199].ShouldBe(199.5);
        reader.MoveNext().ShouldBeTrue();
        reader.MoveNext().ShouldBeTrue();
        reader.MoveNext().ShouldBeFalse();
    }
}

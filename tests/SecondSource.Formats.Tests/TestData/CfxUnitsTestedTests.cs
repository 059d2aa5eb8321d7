using System.Text;
using SecondSource.Domain.TestData;
using SecondSource.Formats.TestData;
using TestResult = SecondSource.Domain.TestData.TestResult;

namespace SecondSource.Formats.Tests.TestData;

/// <summary>CFX UnitsTested as the research note's example (formats.md §3.3, after the CFX SDK's own example) writes it.</summary>
public sealed class CfxUnitsTestedTests
{
    // The research note's example message, indented as a tester would write one message to a file.
    private const string Example = """
        {
          "MessageName": "CFX.Production.TestAndInspection.UnitsTested",
          "Version": "2.1",
          "TimeStamp": "2025-03-14T10:21:07.512+01:00",
          "UniqueID": "7e4f3c2a-9d51-4f0e-8a1b-3c6d2e5f9a10",
          "Source": "CFX.LINE-B.ICT01", "Target": null, "RequestID": null,
          "MessageBody": {
            "$type": "CFX.Production.TestAndInspection.UnitsTested, CFX",
            "TransactionId": "5b0a6f3e-1c2d-4e8f-9a7b-6c5d4e3f2a1b",
            "TestMethod": "ICT",
            "RecipeName": "PCBA-1234_ICT", "RecipeRevision": "C",
            "TestedUnits": [
              { "UnitIdentifier": "PNL-000731", "UnitPositionNumber": 1, "OverallResult": "Passed",
                "Tests": [ { "TestName": "VREG_3V3",
                  "TestStartTime": "2025-03-14T10:20:55.100+01:00", "TestEndTime": "2025-03-14T10:20:55.180+01:00",
                  "Result": "Passed", "SymptomsFound": [], "DefectsFound": [],
                  "Measurements": [
                    { "$type": "CFX.Structures.NumericMeasurement, CFX", "MeasurementName": "V_3V3", "Sequence": 1, "Result": "Passed", "CRDs": "U3",
                      "MeasuredValue": { "Value": 3.291, "ValueUnits": "V", "ExpectedValue": 3.3, "ExpectedValueUnits": "V",
                                         "MinimumAcceptableValue": 3.2, "MinimumAcceptableValueUnits": "V",
                                         "MaximumAcceptableValue": 3.4, "MaximumAcceptableValueUnits": "V" } },
                    { "$type": "CFX.Structures.BooleanMeasurement, CFX", "MeasurementName": "PGOOD", "Sequence": 2, "Result": "Passed", "Value": true, "ExpectedValue": true } ] } ] },
              { "UnitIdentifier": "PNL-000731", "UnitPositionNumber": 2, "OverallResult": "Failed",
                "Tests": [ { "TestName": "R_PULLUP_R21", "Result": "Failed",
                  "SymptomsFound": [ { "SymptomCode": "RESFAIL2", "SymptomCategory": "Electrical Tests", "Description": "Resistance value out of tolerance",
                                       "ComponentsOfInterest": [ { "ReferenceDesignator": "R21", "UnitPosition": null, "PartNumber": "RC0402FR-0710KL" } ] } ],
                  "Measurements": [ { "$type": "CFX.Structures.NumericMeasurement, CFX", "MeasurementName": "R21", "Sequence": 1, "Result": "Failed", "CRDs": "R21",
                      "MeasuredValue": { "Value": 10620.0, "ValueUnits": "Ohm", "ExpectedValue": 10.0, "ExpectedValueUnits": "kOhm",
                                         "MinimumAcceptableValue": 9.9, "MaximumAcceptableValue": 10.1 } } ] } ] }
            ]
          }
        }
        """;

    private static List<TestRunRecord> Read(string text) => CfxUnitsTested.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "ict.json", "P1").ToList();

    [Fact]
    public void Each_tested_unit_is_a_run_with_values_and_limits_in_base_units_and_its_symptoms_as_defects()
    {
        var runs = Read(Example);

        runs.Count.ShouldBe(2);
        var first = runs[0];
        (first.Serial, first.PanelPosition, first.Batch, first.Station, first.TestPlan, first.Result).ShouldBe(("PNL-000731/1", 1, "P1", "CFX.LINE-B.ICT01", "PCBA-1234_ICT rev C", TestResult.Passed));
        first.Start.ShouldBe(new DateTimeOffset(2025, 3, 14, 9, 20, 55, 100, TimeSpan.Zero));
        first.End.ShouldBe(new DateTimeOffset(2025, 3, 14, 9, 20, 55, 180, TimeSpan.Zero));
        first.Definitions.ShouldBe([new MeasurementDefinition("VREG_3V3.V_3V3", "V", 3.2, 3.4), new MeasurementDefinition("VREG_3V3.PGOOD", "", null, null)]);
        first.Values.ShouldBe([3.291, 1]);

        // The SDK's own example mixes units: the value in Ohm, the limits (no unit of their own) in the expected value's kOhm.
        var second = runs[1];
        second.Start.ShouldBe(new DateTimeOffset(2025, 3, 14, 9, 21, 7, 512, TimeSpan.Zero), "no test times: the message's TimeStamp");
        second.Definitions.ShouldBe([new MeasurementDefinition("R_PULLUP_R21.R21", "Ohm", 9900, 10100)]);
        (second.Values[0], second.Results[0]).ShouldBe((10620.0, TestResult.Failed));
        second.Defects.ShouldBe([new DefectRecord("Electrical Tests", "RESFAIL2", "R21", "Resistance value out of tolerance")]);
    }

    [Fact]
    public void Newline_delimited_messages_are_read_one_per_line()
    {
        var compact = string.Join(' ', Example.Split('\n').Select(l => l.Trim()));
        var runs = Read(compact + "\n\n" + compact.Replace("PNL-000731", "PNL-000732", StringComparison.Ordinal) + "\n");

        runs.Select(r => (r.Serial, r.Line)).ShouldBe([("PNL-000731/1", 1), ("PNL-000731/2", 1), ("PNL-000732/1", 3), ("PNL-000732/2", 3)]);
    }

    [Theory]
    [InlineData("\"Value\": 3.291", "\"Value\": \"high\"", "MessageBody.TestedUnits[0].Tests[0].Measurements[0].MeasuredValue.Value: '\"high\"' is not a finite number")]
    [InlineData("\"ValueUnits\": \"V\"", "\"ValueUnits\": \"volts\"", "MessageBody.TestedUnits[0].Tests[0].Measurements[0].MeasuredValue.ValueUnits: 'volts' is not a unit")]
    [InlineData("\"MinimumAcceptableValue\": 3.2,", "\"MinimumAcceptableValue\": 3.5,", "MessageBody.TestedUnits[0].Tests[0].Measurements[0].MeasuredValue: the limits are reversed")]
    [InlineData("\"OverallResult\": \"Passed\"", "\"OverallResult\": \"Fine\"", "MessageBody.TestedUnits[0].OverallResult: 'Fine' is not a result")]
    [InlineData("\"MessageName\": \"CFX.Production.TestAndInspection.UnitsTested\"", "\"MessageName\": \"CFX.Production.WorkStarted\"", "field MessageName: 'CFX.Production.WorkStarted' is not CFX.Production.TestAndInspection.UnitsTested")]
    [InlineData("\"MinimumAcceptableValueUnits\": \"V\"", "\"MinimumAcceptableValueUnits\": \"A\"", "MinimumAcceptableValueUnits: the limit is in A but the value in V")]
    public void A_malformed_message_is_refused_naming_the_message_and_the_field(string from, string to, string expected)
    {
        Should.Throw<TestLogException>(() => Read(Example.Replace(from, to, StringComparison.Ordinal))).Message.ShouldContain(expected);
    }

    [Fact]
    public void Broken_JSON_names_its_line()
    {
        Should.Throw<TestLogException>(() => Read("{\"MessageName\": \"CFX.Production.TestAndInspection.UnitsTested\", \"MessageBody\": \n")).Message.ShouldStartWith("ict.json, line 1 (message): not valid JSON");
    }
}

using System.Text;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Vault;

namespace SecondSource.Formats.Tests.Vault;

public sealed class GoldenUnitsCsvTests
{
    [Fact]
    public void The_list_round_trips_with_quoting_and_defused_formulas()
    {
        GoldenUnit[] units = [new("AUR-1", "Lund, lab \"B\"", null), new("=HYPERLINK(\"x\")", "Gdansk\nQA cage", "-2 spare"), new("AUR-3", "-1+2|cmd", "+3.3 V")];

        var csv = GoldenUnitsCsv.Write(units);
        var text = Encoding.UTF8.GetString(csv);

        text.ShouldStartWith("Serial number,Location,Note\r\nAUR-1,\"Lund, lab \"\"B\"\"\",\r\n");
        text.ShouldContain("'=HYPERLINK");
        text.ShouldContain(",-2 spare", customMessage: "a signed value with a word is not a formula (SpreadsheetText, the one guard)");
        text.ShouldContain(",'-1+2|cmd,");
        text.ShouldContain(",+3.3 V\r\n");
        GoldenUnitsCsv.Read(new MemoryStream(csv)).ShouldBe(units);
    }

    [Fact]
    public void A_file_that_is_not_a_golden_unit_list_reads_as_none()
    {
        GoldenUnitsCsv.Read(new MemoryStream("Designator,Quantity\nR1,1\n"u8.ToArray())).ShouldBeNull();
        GoldenUnitsCsv.Read(new MemoryStream([])).ShouldBeNull();
        GoldenUnitsCsv.Read(new MemoryStream(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 })).ShouldBeNull();
    }
}

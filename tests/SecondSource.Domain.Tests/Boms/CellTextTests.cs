using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

/// <summary>The cell shapes the reader decides columns and sources from. Examples are the forms real BOMs write.</summary>
public sealed class CellTextTests
{
    [Theory]
    [InlineData("DNP")]
    [InlineData("dnf")]
    [InlineData("Do Not Populate")]
    [InlineData("NOT FITTED")]
    [InlineData("no-stuff")]
    [InlineData("NC")]
    [InlineData("N/C")]
    [InlineData("(DNP)")]
    public void Whole_cell_dnp_markers_are_recognised(string text) => CellText.IsDnpMarker(text).ShouldBeTrue();

    [Theory]
    [InlineData("DNPX-100")] // a part number that starts with the letters
    [InlineData("NC7SZ04")]
    [InlineData("Normally closed contact")]
    [InlineData("")]
    [InlineData(null)]
    public void Part_numbers_and_sentences_are_not_dnp_markers(string? text) => CellText.IsDnpMarker(text).ShouldBeFalse();

    [Theory]
    [InlineData("10k DNP", true)]
    [InlineData("DNP_100n", true)]
    [InlineData("do not populate for rev A", true)]
    [InlineData("relay, NC contact", false)] // NC in free text means normally closed
    [InlineData("100nF X7R", false)]
    public void Dnp_words_in_free_text_count_only_for_the_strong_markers(string text, bool expected) => CellText.ContainsDnpWord(text).ShouldBe(expected);

    [Theory]
    [InlineData("GRM188R71H104KA93D", true)]
    [InlineData("SN74LVC1G07DCKR", true)]
    [InlineData("1715190", true)] // Phoenix Contact numbers are all digits
    [InlineData("RC0603FR-0710KL", true)]
    [InlineData("10k", false)] // a value
    [InlineData("4u7", false)]
    [InlineData("1234", false)] // too few digits to be a number without letters
    [InlineData("Texas Instruments", false)]
    [InlineData("https://example.com/a1", false)]
    public void Part_numbers_have_the_shape_of_one_token_with_digits(string text, bool expected) => CellText.LooksLikePartNumber(text).ShouldBe(expected);

    [Theory]
    [InlineData("296-1234-1-ND", "Digi-Key")]
    [InlineData("C25804", "LCSC")]
    [InlineData("595-SN74LVC1G07DCKR", "Mouser")]
    [InlineData("GRM188R71H104KA93D", null)]
    [InlineData("C1", null)] // a designator, not an LCSC number
    public void Distributor_stock_numbers_name_their_distributor(string text, string? distributor) => CellText.DistributorOfSku(text).ShouldBe(distributor);

    [Theory]
    [InlineData("10k")]
    [InlineData("100nF")]
    [InlineData("4.7uF 16V")]
    [InlineData("2K2")]
    [InlineData("4u7")]
    [InlineData("0R")]
    [InlineData("33 pF")]
    [InlineData("10k, 1%")]
    public void Component_values_are_values(string text) => CellText.LooksLikeValue(text).ShouldBeTrue();

    [Theory]
    [InlineData("R1", true)]
    [InlineData("R1, R2, C12", true)]
    [InlineData("U3A LED4", true)]
    [InlineData("C1009_2", true)]
    [InlineData("R1-R8", true)]
    [InlineData("Resistor 10k", false)]
    [InlineData("GRM188R71H104KA93D", false)]
    public void Designator_lists_are_recognised(string text, bool expected) => CellText.LooksLikeDesignators(text).ShouldBe(expected);

    [Theory]
    [InlineData("Murata", true)]
    [InlineData("Würth Elektronik", true)]
    [InlineData("Zhejiang Lanke Electronics Co., Ltd.", true)]
    [InlineData("GRM188R71H104KA93D", false)]
    [InlineData("100nF", false)]
    [InlineData("12", false)]
    [InlineData("DNP", false)]
    [InlineData("Capacitor, ceramic (X7R): 100nF", false)]
    [InlineData("www.murata.com", false)]
    public void Maker_names_have_the_shape_of_a_company_name(string text, bool expected) => CellText.LooksLikeMakerName(text).ShouldBe(expected);
}

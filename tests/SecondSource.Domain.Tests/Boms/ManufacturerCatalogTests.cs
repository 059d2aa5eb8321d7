using SecondSource.Domain.Boms;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Tests.Boms;

public sealed class ManufacturerCatalogTests
{
    private readonly ManufacturerCatalog _catalog = ManufacturerCatalog.CreateDefault();

    [Theory]
    [InlineData("TI", "Texas Instruments")]
    [InlineData("Texas Instruments Inc.", "Texas Instruments")]
    [InlineData("TEXAS INSTRUMENTS", "Texas Instruments")]
    [InlineData("ST", "STMicroelectronics")]
    [InlineData("ON Semi", "onsemi")]
    [InlineData("ON Semiconductor", "onsemi")]
    [InlineData("onsemi", "onsemi")]
    [InlineData("Würth", "Würth Elektronik")]
    [InlineData("Wurth Electronics", "Würth Elektronik")]
    [InlineData("Murata Electronics North America", "Murata")]
    [InlineData("Yageo Corp.", "YAGEO")]
    [InlineData("C&K Components", "Littelfuse")] // C&K joined Littelfuse in 2022; the catalogue keys makers by lineage
    [InlineData("Teccor Electronics", "Littelfuse")]
    [InlineData("Linear Technology", "Analog Devices")]
    [InlineData("FCI", "Amphenol")]
    public void Aliases_and_suffixes_resolve_to_one_manufacturer(string written, string canonical)
    {
        _catalog.Normalize(written)!.DisplayName.ShouldBe(canonical);
    }

    [Fact]
    public void Unknown_manufacturers_compare_by_their_cleaned_name()
    {
        // Not in the catalogue: compared by the cleaned name, shown as written, and not recognised as a maker.
        var a = _catalog.Normalize("Zhejiang Lanke Electronics Co., Ltd.")!;
        var b = _catalog.Normalize("ZHEJIANG LANKE ELECTRONICS")!;

        a.Key.ShouldBe(b.Key);
        a.DisplayName.ShouldBe("Zhejiang Lanke Electronics Co., Ltd.");
        _catalog.Recognise("Zhejiang Lanke Electronics Co., Ltd.").ShouldBeNull();
    }

    [Fact]
    public void Nexperia_and_nxp_are_distinct_manufacturers()
    {
        _catalog.Normalize("Nexperia")!.Key.ShouldNotBe(_catalog.Normalize("NXP")!.Key);
    }

    [Theory]
    [InlineData("Any")]
    [InlineData("Generic")]
    [InlineData("AVL")]
    [InlineData("Any/not critical")]
    public void Generic_markers_are_not_manufacturers(string written)
    {
        _catalog.Normalize(written).ShouldBeNull();
        _catalog.IsGeneric(written).ShouldBeTrue();
    }

    [Theory]
    [InlineData("DNP")]
    [InlineData("NOT FITTED")]
    [InlineData("TBD")]
    [InlineData("N/A")]
    [InlineData("-")]
    [InlineData("see schematic")]
    public void Dnp_markers_and_placeholders_name_no_manufacturer(string written)
    {
        _catalog.Normalize(written).ShouldBeNull();
        _catalog.Recognise(written).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_text_is_no_manufacturer_and_not_generic(string? written)
    {
        _catalog.Normalize(written).ShouldBeNull();
        _catalog.IsGeneric(written).ShouldBeFalse();
    }

    [Fact]
    public void A_file_of_aliases_extends_the_table()
    {
        _catalog.AddAliases(["# our suppliers", "", "Hroparts = Korean Hroparts Elec", "Korean Hroparts Elec = Korean Hroparts Elec"], "aliases.txt");

        _catalog.Normalize("HROPARTS")!.Key.ShouldBe(_catalog.Normalize("Korean Hroparts Elec")!.Key);
    }

    [Fact]
    public void A_bad_alias_line_is_refused_with_its_file_and_line()
    {
        Should.Throw<DomainException>(() => _catalog.AddAliases(["TI = Texas Instruments", "no equals sign"], "aliases.txt"))
            .Message.ShouldBe("aliases.txt, line 2: expected 'alias = Canonical Name', got 'no equals sign'.");
    }

    // Acquisition lineage: the two names are one maker today, so a line that lists both is not dual-sourced.
    // Sources are in the catalogue next to each entry (Boms/Catalogue/manufacturers.txt).
    [Theory]
    [InlineData("Maxim Integrated", "Analog Devices")]
    [InlineData("Linear Technology", "ADI")]
    [InlineData("Atmel", "Microchip")]
    [InlineData("Microsemi", "Microchip Technology")]
    [InlineData("Fairchild Semiconductor", "ON Semi")]
    [InlineData("Cypress Semiconductor", "Infineon")]
    [InlineData("International Rectifier", "Infineon Technologies")]
    [InlineData("Freescale", "NXP")]
    [InlineData("Intersil", "Renesas")]
    [InlineData("KEMET", "Yageo")]
    [InlineData("Vishay Dale", "Vishay Siliconix")]
    public void Acquired_makers_are_their_buyer(string acquired, string buyer)
    {
        _catalog.Recognise(acquired)!.Key.ShouldBe(_catalog.Recognise(buyer)!.Key);
    }

    [Theory]
    [InlineData("Nexperia", "NXP")] // spun off 2017
    [InlineData("Vishay Precision Group", "Vishay")] // spun off 2010
    [InlineData("Texas Instruments", "STMicroelectronics")]
    [InlineData("Murata", "TDK")]
    public void Separate_companies_stay_separate(string a, string b)
    {
        _catalog.Recognise(a)!.Key.ShouldNotBe(_catalog.Recognise(b)!.Key);
    }

    [Theory]
    [InlineData("Digi-Key")]
    [InlineData("Mouser Electronics")]
    [InlineData("LCSC")]
    public void Distributors_are_named_as_distributors_and_never_recognised_as_makers(string written)
    {
        _catalog.DistributorName(written).ShouldNotBeNull();
        _catalog.Recognise(written).ShouldBeNull();
    }

    [Fact]
    public void A_name_that_fits_several_of_todays_makers_is_not_recognised_and_says_why()
    {
        _catalog.Recognise("Sanyo").ShouldBeNull();
        _catalog.Ambiguity("Sanyo")!.ShouldContain("Panasonic");
        _catalog.Ambiguity("Sanyo Semiconductor").ShouldBeNull(); // the semiconductor arm is one maker
        _catalog.Recognise("Sanyo Semiconductor")!.DisplayName.ShouldBe("onsemi");
    }

    [Theory]
    [InlineData("TIGER ELECTRONIC")] // begins with "TI" but is not Texas Instruments
    [InlineData("STANDARD")]
    [InlineData("ONE")]
    public void Short_abbreviations_do_not_match_the_start_of_other_words(string written)
    {
        _catalog.Recognise(written).ShouldBeNull();
    }

    [Fact]
    public void Recognised_makers_say_where_they_are_known_from()
    {
        _catalog.AddAlias("Hroparts Elec", "Korean Hroparts");
        _catalog.AddLibraryMaker("Zhejiang Lanke Electronics", ["Lanke"]);

        _catalog.Recognise("Murata")!.Origin.ShouldBe(MakerOrigin.Catalogue);
        _catalog.Recognise("Hroparts Elec")!.Origin.ShouldBe(MakerOrigin.AliasesFile);
        _catalog.Recognise("LANKE")!.Origin.ShouldBe(MakerOrigin.Library);
        _catalog.Recognise("Lanke")!.DisplayName.ShouldBe("Zhejiang Lanke Electronics");
    }

    [Fact]
    public void The_catalogue_holds_hundreds_of_makers_each_with_its_names()
    {
        ManufacturerCatalog.CatalogueMakers.ShouldBeGreaterThan(300);
        ManufacturerCatalog.CatalogueEntries.Count.ShouldBe(ManufacturerCatalog.CatalogueMakers);
        ManufacturerCatalog.CatalogueEntries.ShouldContain(e => e.Canonical == "Analog Devices" && e.Names.Contains("Maxim Integrated"));
        ManufacturerCatalog.CatalogueDistributors.ShouldContain("Digi-Key");
    }
}

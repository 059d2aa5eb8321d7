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
    [InlineData("C&K Components", "C&K Components")]
    [InlineData("FCI", "Amphenol")]
    public void Aliases_and_suffixes_resolve_to_one_manufacturer(string written, string canonical)
    {
        _catalog.Normalize(written)!.DisplayName.ShouldBe(canonical);
    }

    [Fact]
    public void Unknown_manufacturers_compare_by_their_cleaned_name()
    {
        var a = _catalog.Normalize("Octavo Systems LLC")!;
        var b = _catalog.Normalize("OCTAVO SYSTEMS")!;

        a.Key.ShouldBe(b.Key);
        a.DisplayName.ShouldBe("Octavo Systems LLC");
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
    [InlineData("DNP")]
    public void Generic_markers_are_not_manufacturers(string written)
    {
        _catalog.Normalize(written).ShouldBeNull();
        _catalog.IsGeneric(written).ShouldBeTrue();
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
}

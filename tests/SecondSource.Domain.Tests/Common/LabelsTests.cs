using System.Text.RegularExpressions;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Statistics;
using SecondSource.Domain.Vault;

namespace SecondSource.Domain.Tests.Common;

public sealed partial class LabelsTests
{
    [Theory]
    [InlineData(CertificationStandard.Iso13485, "ISO 13485")]
    [InlineData(CertificationStandard.Iatf16949, "IATF 16949")]
    [InlineData(CertificationStandard.As9100, "AS9100")]
    [InlineData(ComparisonVerdict.NotComparable, "Not comparable")]
    [InlineData(AccessAction.RevokeCertificate, "Revoke certificate")]
    [InlineData(AccessAction.RecordNda, "Record NDA")]
    [InlineData(PassiveSize.Size0201, "0201")]
    public void A_code_name_reads_as_people_write_it(Enum value, string label) => Labels.Of(value).ShouldBe(label);

    [Fact]
    public void A_set_of_flags_is_a_list_for_running_text_and_no_flag_is_none()
    {
        Labels.Of(TestTypes.Aoi | TestTypes.FlyingProbe | TestTypes.BurnIn).ShouldBe("AOI, flying probe, burn-in");
        Labels.Of(TestTypes.None).ShouldBe("none");
        Labels.Of(Processes.ConformalCoat).ShouldBe("conformal coat");
    }

    /// <summary>The crawl of every page (EveryPageTests) looks for these code names in page text; no label may be one.</summary>
    [Fact]
    public void No_value_of_any_domain_enum_is_labelled_with_a_code_name()
    {
        var values = typeof(Labels).Assembly.GetTypes().Where(t => t.IsEnum).SelectMany(t => Enum.GetValues(t).Cast<Enum>()).ToList();
        values.Count.ShouldBeGreaterThan(100);
        values.Select(v => (Value: v, Name: Enum.GetName(v.GetType(), v)!, Label: Labels.Of(Enum.GetName(v.GetType(), v)!)))
            .Where(x => CodeName().IsMatch(x.Name) && string.Equals(x.Label, x.Name, StringComparison.Ordinal))
            .Select(x => $"{x.Value.GetType().Name}.{x.Value} → {x.Label}")
            .ShouldBeEmpty();
    }

    [GeneratedRegex("^([A-Z][a-z]+){2,}$|^[A-Za-z]+[0-9]+$")]
    private static partial Regex CodeName();
}

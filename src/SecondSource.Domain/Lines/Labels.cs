using System.Globalization;

namespace SecondSource.Domain.Lines;

/// <summary>How capabilities and standards are written for people: "ISO 13485", "boundary scan", "0201".</summary>
public static class Labels
{
    public static string Of(CertificationStandard standard) => standard switch
    {
        CertificationStandard.Iso9001 => "ISO 9001",
        CertificationStandard.Iso13485 => "ISO 13485",
        CertificationStandard.Iatf16949 => "IATF 16949",
        _ => "AS9100",
    };

    public static string Of(PassiveSize size) => size.ToString()["Size".Length..];

    public static string Of(TestTypes tests) => Join(tests);

    public static string Of(Processes processes) => Join(processes);

    private static string Join<T>(T flags)
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(v)).Select(Label).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Label<T>(T value)
        where T : struct, Enum => value switch
        {
            TestTypes.Aoi => "AOI",
            TestTypes.Axi => "AXI",
            TestTypes.Ict => "ICT",
            TestTypes.FlyingProbe => "flying probe",
            TestTypes.Fct => "FCT",
            TestTypes.BoundaryScan => "boundary scan",
            TestTypes.BurnIn => "burn-in",
            Processes.DoubleSidedReflow => "double-sided reflow",
            Processes.SelectiveSolder => "selective solder",
            Processes.ConformalCoat => "conformal coat",
            Processes.BoxBuild => "box build",
            _ => value.ToString(),
        };
}

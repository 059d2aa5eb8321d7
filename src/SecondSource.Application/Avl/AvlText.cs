using SecondSource.Domain.Avl;

namespace SecondSource.Application.Avl;

/// <summary>How the library's values read in pages, reports and change records.</summary>
public static class AvlText
{
    public static string Method(QualificationMethod method) => method switch
    {
        QualificationMethod.DatasheetReview => "datasheet form-fit-function review",
        QualificationMethod.BenchTest => "bench test",
        QualificationMethod.AecQReport => "AEC-Q report",
        QualificationMethod.JedecReport => "JEDEC report",
        QualificationMethod.SupplierData => "supplier qualification data",
        _ => "other",
    };

    public static string Status(AvlStatus status) => status switch
    {
        AvlStatus.InQualification => "In qualification",
        _ => status.ToString(),
    };

    public static string Lifecycle(Lifecycle? lifecycle) => lifecycle switch
    {
        Domain.Avl.Lifecycle.Active => "Active",
        Domain.Avl.Lifecycle.Nrnd => "NRND",
        Domain.Avl.Lifecycle.Eol => "EOL",
        _ => "",
    };
}

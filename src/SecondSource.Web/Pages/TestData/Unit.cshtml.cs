using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Application.TestData;

namespace SecondSource.Web.Pages.TestData;

/// <summary>Traceability by serial number: the unit on every line the caller sees, its batch, firmware, every run and value, defects, and its device certificate.</summary>
public sealed class UnitModel(TestDataQueries testData, ProvisioningQueries provisioning) : PageModel
{
    public string Serial { get; private set; } = "";

    public IReadOnlyList<UnitTrace> Units { get; private set; } = [];

    /// <summary>The unit's device certificate, when one was issued (the traceability join on the serial).</summary>
    public CertificateView? Certificate { get; private set; }

    public async Task OnGetAsync(string? serial, CancellationToken ct)
    {
        Serial = (serial ?? "").Trim();
        Units = Serial.Length is > 0 and <= 100 ? await testData.UnitAsync(Serial, ct) : [];
        Certificate = Serial.Length is > 0 and <= 100 ? await provisioning.CertificateOfUnitAsync(Serial, ct) : null;
    }
}

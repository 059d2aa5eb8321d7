using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Application.TestData;

namespace SecondSource.Web.Pages.TestData;

/// <summary>Traceability by serial number: the unit on every line the caller sees, its batch, firmware, every run and value, defects, and its device certificate.</summary>
public sealed class UnitModel(TestDataQueries testData, ProvisioningQueries provisioning, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public string Serial { get; private set; } = "";

    public IReadOnlyList<UnitTrace> Units { get; private set; } = [];

    /// <summary>The unit's device certificate, when one was issued (the traceability join on the serial).</summary>
    public CertificateView? Certificate { get; private set; }

    public async Task OnGetAsync(string? serial, CancellationToken ct)
    {
        Serial = (serial ?? "").Trim();
        if (Serial.Length is > 0 and <= 100)
        {
            // A unit's runs on every line and its certificate, from the read model per party scope (recomputed after a change).
            (Units, Certificate) = await cache.GetAsync($"unit|{partyContext.Scope}|{Serial}", async c =>
                (await testData.UnitAsync(Serial, c), await provisioning.CertificateOfUnitAsync(Serial, c)), ct);
        }
    }
}

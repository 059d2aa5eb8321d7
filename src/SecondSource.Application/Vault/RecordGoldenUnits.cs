using SecondSource.Domain.Common;
using SecondSource.Domain.Vault;
using SecondSource.Formats.Vault;

namespace SecondSource.Application.Vault;

/// <summary>The golden-unit list as edited: one unit per line, "serial; location; note".</summary>
public sealed record RecordGoldenUnitsRequest(Guid ProductId, string Text, string? ChangeNote, Actor Actor);

/// <summary>
/// Records the product's golden units (physical boards: serial number and where each is) as the next revision of the
/// checklist's golden-unit item, written as <see cref="GoldenUnitsCsv"/> — so the list is versioned, granted,
/// acknowledged and logged like every other item.
/// </summary>
public sealed class RecordGoldenUnitsHandler(VaultStore store, UploadArtifactRevisionHandler upload)
{
    public async Task<Result<UploadedRevision>> HandleAsync(RecordGoldenUnitsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<GoldenUnit> units;
        try
        {
            units = GoldenUnitList.Parse(request.Text);
        }
        catch (DomainException ex)
        {
            return Fail.Invalid(ex.Message);
        }

        var content = GoldenUnitsCsv.Write(units);
        var file = await store.StoreFileAsync(new MemoryStream(content), GoldenUnitsCsv.FileName, "text/csv", ct);
        return await upload.HandleAsync(new UploadArtifactRevisionRequest(request.ProductId, ArtifactKind.GoldenUnit, file, request.ChangeNote, request.Actor), ct);
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using SecondSource.Application.Avl;
using SecondSource.Domain.Avl;
using SecondSource.Domain.Common;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Streams an uploaded evidence file into the <see cref="EvidenceStore"/> (never whole in memory) and describes it, or puts the refusal next to the field.</summary>
public static class EvidenceUpload
{
    /// <summary>Request limit of the forms that take an evidence file: the file plus the form around it.</summary>
    public const long RequestLimit = EvidenceFile.MaxSize + (1L << 20);

    public static async Task<EvidenceFile?> StoreAsync(IFormFile? upload, EvidenceStore store, ModelStateDictionary modelState, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(modelState);
        if (upload is null || upload.Length == 0)
        {
            return null;
        }

        if (upload.Length > EvidenceFile.MaxSize)
        {
            modelState.AddModelError(field, $"{Path.GetFileName(upload.FileName)} is larger than {EvidenceFile.MaxSize >> 20} MB.");
            return null;
        }

        try
        {
            await using var content = upload.OpenReadStream();
            var stored = await store.StoreAsync(content, ct);
            return EvidenceFile.Of(stored.Sha256, upload.FileName, upload.ContentType, stored.Size);
        }
        catch (DomainException ex)
        {
            modelState.AddModelError(field, ex.Message);
            return null;
        }
    }
}

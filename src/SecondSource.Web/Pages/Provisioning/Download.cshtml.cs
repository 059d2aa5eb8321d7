using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>
/// Public PKI material as files: a key's public half (buyer), a release's detached signature (buyer, or a line
/// granted the image), a device certificate (the buyer, or the line that obtained it). Never anything private.
/// </summary>
public sealed class DownloadModel(ProvisioningQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? what, Guid id, CancellationToken ct)
    {
        switch (what)
        {
            case "public-key" when User.IsBuyer():
                return await queries.PublicMaterialAsync(id, ct) is { } key
                    ? File(System.Text.Encoding.ASCII.GetBytes(ProvisioningQueries.PemEncodingPublicKey(key.PublicKey)), "application/x-pem-file", $"{FileName(key.Name)}.pub.pem")
                    : NotFound();
            case "signature":
                var releases = User.IsBuyer() ? await queries.SignedReleasesAsync(ct) : await queries.GrantedReleasesAsync(null, ct);
                return releases.FirstOrDefault(r => r.ReleaseId == id) is { } release
                    ? File(Convert.FromBase64String(release.SignatureBase64), "application/octet-stream", $"{release.FileName}.sig")
                    : NotFound();
            case "certificate":
                return await queries.CertificateAsync(id, ct) is { } certificate
                    ? File(System.Text.Encoding.ASCII.GetBytes(new string(PemEncoding.Write("CERTIFICATE", certificate.Der))), "application/x-pem-file", $"{FileName(certificate.View.Serial)}.pem")
                    : NotFound();
            default:
                return NotFound();
        }
    }

    private static string FileName(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}

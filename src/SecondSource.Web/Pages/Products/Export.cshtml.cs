using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Avl;

namespace SecondSource.Web.Pages.Products;

/// <summary>
/// Downloads a BOM revision flagged for one manufacturing line (CSV, XLSX or IPC-2581): the sources approved for the
/// line, the others flagged. A manufacturer downloads for its own lines only.
/// </summary>
public sealed class ExportModel(ExportFlaggedBomHandler export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid line, string? format, CancellationToken ct)
    {
        FlaggedBomFormat? chosen = format?.ToLowerInvariant() switch
        {
            "csv" => FlaggedBomFormat.Csv,
            "xlsx" => FlaggedBomFormat.Xlsx,
            "ipc2581" or "ipc-2581" or "xml" => FlaggedBomFormat.Ipc2581,
            _ => null,
        };
        if (chosen is null)
        {
            return BadRequest($"Unknown export format '{format}': use csv, xlsx or ipc2581.");
        }

        var result = await export.HandleAsync(new ExportFlaggedBomRequest(id, line, chosen.Value, User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        return File(result.Value!.Content, result.Value.MediaType, result.Value.FileName);
    }
}

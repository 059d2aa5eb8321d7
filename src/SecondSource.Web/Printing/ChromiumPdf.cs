using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecondSource.Web.Printing;

/// <summary>
/// Prints a rendered page to PDF with headless Chromium (<c>--print-to-pdf</c>), where it is installed
/// (<c>Printing:Chromium</c>, default <c>/usr/bin/chromium</c>). The page is written with the site's stylesheet inlined
/// to a private temporary folder, so Chromium needs no session and no network; the folder is removed afterwards.
/// The print stylesheet decides the layout.
/// </summary>
public sealed partial class ChromiumPdf(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ChromiumPdf> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public string Executable { get; } = configuration["Printing:Chromium"] ?? "/usr/bin/chromium";

    public bool Available => File.Exists(Executable);

    /// <summary>The PDF of <paramref name="html"/>; throws <see cref="InvalidOperationException"/> when Chromium fails.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        var folder = Directory.CreateTempSubdirectory("secondsource-print-");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var css = environment.WebRootFileProvider.GetFileInfo("css/site.css");
            string styles;
            await using (var stream = css.CreateReadStream())
            using (var reader = new StreamReader(stream))
            {
                styles = await reader.ReadToEndAsync(ct);
            }

            var page = StylesheetLink().Replace(html, _ => $"<style>{styles}</style>", 1);
            var input = Path.Combine(folder.FullName, "page.html");
            var output = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllTextAsync(input, page, ct);
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                         $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"Chromium did not print the page within {Timeout.TotalSeconds:0} s.");
            }

            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                var error = await stderr;
                logger.LogWarning("Chromium printed no PDF (exit {Exit}): {Error}", process.ExitCode, error);
                throw new InvalidOperationException($"Chromium printed no PDF (exit code {process.ExitCode}).");
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove the print folder {Folder}", folder.FullName);
            }
        }
    }

    [GeneratedRegex("""<link rel="stylesheet" href="[^"]*site\.css[^"]*"\s*/?>""")]
    private static partial Regex StylesheetLink();
}

using System.Diagnostics;
using System.Globalization;

namespace SecondSource.Benchmarks;

/// <summary>Runs one <c>secondsource</c> command on a data folder and reports its wall time and peak resident memory.</summary>
internal static class CliProcess
{
    /// <summary>The CLI the commands run: this benchmark's own build, or a published one a benchmark names (<c>--build</c>).</summary>
    public static string Cli { get; set; } = Path.Combine(AppContext.BaseDirectory, "secondsource.dll");

    /// <summary>Runs the command (exit 0 or 1 expected), prints "what: N s (peak M MiB)" and returns both figures.</summary>
    public static (TimeSpan Elapsed, long PeakBytes) Run(string data, string what, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Cli);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(data);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
        }

        output.GetAwaiter().GetResult();
        watch.Stop();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{what} failed ({process.ExitCode}): {errors.GetAwaiter().GetResult()}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {watch.Elapsed.TotalSeconds:F2} s (peak resident {peak / 1048576.0:F0} MiB)"));
        return (watch.Elapsed, peak);
    }

    /// <summary>Runs the command to completion (exit 0 expected) and returns what it wrote on standard output.</summary>
    public static string Output(string data, string what, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Cli, "--data", data, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{what} failed ({process.ExitCode}): {errors.GetAwaiter().GetResult()}");
    }

    /// <summary>The process's high-water mark of resident memory (VmHWM), 0 once it is gone.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

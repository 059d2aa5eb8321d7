using SecondSource.Application.Demo;

namespace SecondSource.Web.Hosting;

/// <summary>Prints the demo's sign-ins once, when the demo is loaded.</summary>
public static class DemoReport
{
    public static void Write(TextWriter output, SeedDemoResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine("Demo program loaded:");
        foreach (var line in result.Summary)
        {
            output.WriteLine($"  {line}");
        }

        output.WriteLine("Sign-ins (shown this once; keep them):");
        foreach (var c in result.Credentials)
        {
            output.WriteLine($"  {c.Kind,-8} {c.Role,-9} {c.Party,-50} {c.Login,-36} {c.Secret}");
        }
    }
}

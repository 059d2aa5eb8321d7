namespace SecondSource.Testing;

/// <summary>The sample files copied beside the test binaries (Samples/real-boms holds real BOMs from public projects).</summary>
public static class Samples
{
    public static string RealBom(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "real-boms", name);
}

namespace SecondSource.Formats;

/// <summary>
/// Readers and writers of outside formats (BOM files, IPC-2581, test logs, reports) live in this assembly,
/// one feature folder each; it depends on the domain and on parsing packages only.
/// </summary>
public static class FormatsAssembly
{
    /// <summary>The assembly, for architecture tests.</summary>
    public static System.Reflection.Assembly Assembly => typeof(FormatsAssembly).Assembly;
}

using SecondSource.Domain.Common;
using SecondSource.Testing;

namespace SecondSource.Domain.Tests;

/// <summary>
/// The dependency rule: the domain knows nothing of files, databases, HTTP or the console. Its one package is
/// MathNet.Numerics — distributions and special functions, pure mathematics (ADR 0009).
/// </summary>
public sealed class DependencyRuleTests
{
    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var references = typeof(DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        references.Where(n => !IsBaseClassLibrary(n) && n != AllowedPackage).ShouldBeEmpty("the domain must reference no package but MathNet.Numerics and no other project");
    }

    [Fact]
    public void Domain_project_file_references_only_the_mathematics_package()
    {
        var project = TestPaths.InRepository("src/SecondSource.Domain/SecondSource.Domain.csproj");
        var text = File.ReadAllText(project);

        System.Text.RegularExpressions.Regex.Matches(text, "PackageReference Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .ShouldBe([AllowedPackage]);
        text.ShouldNotContain("ProjectReference");
    }

    private const string AllowedPackage = "MathNet.Numerics";

    private static bool IsBaseClassLibrary(string name) =>
        name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);


    [Fact]
    public void Domain_types_do_not_use_the_wall_clock()
    {
        var domain = typeof(DomainException).Assembly;
        var source = Path.GetDirectoryName(TestPaths.InRepository("src/SecondSource.Domain/SecondSource.Domain.csproj"))!;
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("DateTime.UtcNow", StringComparison.Ordinal) || File.ReadAllText(f).Contains("DateTimeOffset.UtcNow", StringComparison.Ordinal) || File.ReadAllText(f).Contains("DateTime.Now", StringComparison.Ordinal))
            .ToList();

        domain.GetTypes().ShouldNotBeEmpty();
        offenders.ShouldBeEmpty("domain code takes a timestamp or a TimeProvider, never the wall clock");
    }
}

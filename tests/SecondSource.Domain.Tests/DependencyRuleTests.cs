using SecondSource.Domain.Common;
using SecondSource.Testing;

namespace SecondSource.Domain.Tests;

/// <summary>The dependency rule: the domain knows nothing of files, databases, HTTP or the console.</summary>
public sealed class DependencyRuleTests
{
    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var references = typeof(DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        references.Where(n => !IsBaseClassLibrary(n)).ShouldBeEmpty("the domain must reference no package and no other project");
    }

    [Fact]
    public void Domain_project_file_has_no_package_or_project_reference()
    {
        var project = TestPaths.InRepository("src/SecondSource.Domain/SecondSource.Domain.csproj");
        var text = File.ReadAllText(project);

        text.ShouldNotContain("PackageReference");
        text.ShouldNotContain("ProjectReference");
    }

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

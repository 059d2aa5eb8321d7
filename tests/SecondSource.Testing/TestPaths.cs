namespace SecondSource.Testing;

/// <summary>Where things are when tests run from their build output.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds SecondSource.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecondSource.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"SecondSource.slnx not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A path below the repository root, e.g. <c>src/SecondSource.Domain/SecondSource.Domain.csproj</c>.</summary>
    public static string InRepository(string relative) => Path.Combine(RepositoryRoot(), relative);
}

namespace JotMatcher.Host.Tests.SampleData;

/// <summary>Finds the repository's <c>sample-data/</c> datasets from wherever the tests run.</summary>
internal static class SampleDatasets
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every dataset under <c>sample-data/</c> that carries <c>expected/</c> files, in ordinal order.</summary>
    public static IEnumerable<string> WithExpectedFiles()
    {
        var names = Directory.GetDirectories(Root)
            .Where(d => Directory.Exists(Path.Combine(d, "expected")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public static string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Copies a dataset (inputs, manifest, expected files) to <paramref name="target"/>, so a test can alter it.</summary>
    public static void CopyTo(string name, string target)
    {
        var source = PathOf(name);
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "sample-data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "JotMatcher.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("sample-data/ not found above the test assembly's folder");
    }
}

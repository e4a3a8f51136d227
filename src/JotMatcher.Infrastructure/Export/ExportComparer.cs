namespace JotMatcher.Infrastructure.Export;

/// <summary>One line that differs between an expected export file and the one a run wrote.</summary>
/// <param name="Line">1-based line number in the expected file (for <c>-</c>) or the actual file (for <c>+</c>).</param>
/// <param name="Side"><c>-</c>: only in the expected file; <c>+</c>: only in the actual file.</param>
public sealed record ExportLineDifference(string File, char Side, int Line, string Text);

/// <summary>The outcome of comparing a folder of expected export files with a run's output folder.</summary>
public sealed record ExportComparison(IReadOnlyList<string> FilesCompared, IReadOnlyList<string> MissingFiles, IReadOnlyList<ExportLineDifference> Differences)
{
    public bool Identical => MissingFiles.Count == 0 && Differences.Count == 0;
}

/// <summary>
/// Compares every file in an <c>expected/</c> folder with the same-named file of a run's output, as lines, so an
/// auditor sees which rows were lost or gained (export rows are ids, codes and numbers, never personal data).
/// </summary>
public static class ExportComparer
{
    /// <summary>Above this many line pairs the difference is reported line by line instead of as a minimal diff.</summary>
    private const long MaxDiffCells = 25_000_000;

    public static ExportComparison Compare(string expectedDirectory, string actualDirectory)
    {
        var compared = new List<string>();
        var missing = new List<string>();
        var differences = new List<ExportLineDifference>();
        var expectedFiles = Directory.GetFiles(expectedDirectory).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(expectedFiles, StringComparer.Ordinal);
        foreach (var name in expectedFiles)
        {
            var actualPath = Path.Combine(actualDirectory, name);
            if (!File.Exists(actualPath))
            {
                missing.Add(name);
                continue;
            }

            compared.Add(name);
            differences.AddRange(DiffLines(name, ReadLines(Path.Combine(expectedDirectory, name)), ReadLines(actualPath)));
        }

        return new ExportComparison(compared, missing, differences);
    }

    private static string[] ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        // A final newline ends the last line rather than starting an empty one; its absence is a byte difference
        // an auditor must see, so it is marked on the last line.
        if (text.EndsWith('\n'))
        {
            return lines[..^1];
        }

        lines[^1] += " (no newline at end of file)";
        return lines;
    }

    /// <summary>A minimal line diff (longest common subsequence), listed in file order.</summary>
    internal static IEnumerable<ExportLineDifference> DiffLines(string file, string[] expected, string[] actual)
    {
        if ((long)expected.Length * actual.Length > MaxDiffCells)
        {
            return LineByLine(file, expected, actual);
        }

        var n = expected.Length;
        var m = actual.Length;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(expected[i], actual[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<ExportLineDifference>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && string.Equals(expected[a], actual[b], StringComparison.Ordinal))
            {
                a++;
                b++;
            }
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1]))
            {
                result.Add(new ExportLineDifference(file, '-', a + 1, expected[a]));
                a++;
            }
            else
            {
                result.Add(new ExportLineDifference(file, '+', b + 1, actual[b]));
                b++;
            }
        }

        return result;
    }

    private static List<ExportLineDifference> LineByLine(string file, string[] expected, string[] actual)
    {
        var result = new List<ExportLineDifference>();
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : null;
            var a = i < actual.Length ? actual[i] : null;
            if (string.Equals(e, a, StringComparison.Ordinal))
            {
                continue;
            }

            if (e is not null)
            {
                result.Add(new ExportLineDifference(file, '-', i + 1, e));
            }

            if (a is not null)
            {
                result.Add(new ExportLineDifference(file, '+', i + 1, a));
            }
        }

        return result;
    }
}

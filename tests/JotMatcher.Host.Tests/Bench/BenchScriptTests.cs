using System.Diagnostics;
using System.Globalization;
using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Bench;

/// <summary>
/// The benchmark path at a small scale (issue 6): <c>scripts/bench --sizes 1k,2k --compare --repeat 2</c> generates,
/// replays each size twice, runs the SQL baseline on its own throw-away PostgreSQL and writes the results table. Nothing about time is asserted;
/// the test checks the path works end to end and both matchers' scores are sane.
/// </summary>
[NonParallelizable]
public sealed class BenchScriptTests
{
    /// <summary>A guard against a hung child: generation, replay and a PostgreSQL cluster start take well under a minute.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private string work = "";

    [SetUp]
    public void CreateWorkFolder() => work = Directory.CreateTempSubdirectory("jot-bench-tests-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Bench_with_compare_writes_a_results_table_with_both_matchers_scored()
    {
        var results = Path.Combine(work, "results.md");
        // Two sizes: the report is rewritten after each, and the second write must still name the machine. Two runs
        // of each: the table of repeated runs lists both, and the program's exports must be the same bytes both times.
        var (exit, output) = await RunAsync("--sizes", "1k,2k", "--compare", "--repeat", "2", "--seed", "3", "--cache", Path.Combine(work, "cache"), "--results", results);

        Assert.That(exit, Is.EqualTo(0), output);
        var table = File.ReadAllText(results);
        var replayRow = Row(table, "| 2000 | ");
        var sqlRow = Row(table, "| 2000 | ", after: "## Plain-SQL baseline");
        var repeatRow = Row(table, "| 2000 | ", after: "## Repeated replays");
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(work, "cache", "people-2000-seed-3-noise-1")), "the dataset is cached for the next run");
            Assert.That(table, Does.Match(@"\nMachine: [^,\s][^,]*, \d+ processors"), "the machine's name, after the last size too");
            Assert.That(table, Does.Contain("| 1000 | staging |"));
            Assert.That(table, Does.Contain("## Phases").And.Contain("| 2000 | staging |").And.Contain("| 2000 | matching/probabilistic |")
                .And.Contain("| 2000 | matching/attribution |").And.Contain("| 2000 | writing/prepare |").And.Contain("| 2000 | writing/outcomes |")
                .And.Contain("| 2000 | writing/evidence |").And.Contain("| 2000 | writing/links |").And.Contain("| 2000 | writing/commit |"));
            // Linux counts the pages each phase touched first, and the runtime samples what it allocated: staging makes
            // every record, so both show there (a count or a type missing means the column broke). Which types lead is
            // the sampling's chance at this size (strings did, until postcodes were pooled), so any type with its size.
            Assert.That(Cell(Row(table, "| 2000 | staging |", after: "## Phases"), 9), Is.GreaterThan(0), "staging's minor page faults (k)");
            Assert.That(Row(table, "| 2000 | staging |", after: "## What each phase allocated most"), Does.Match(@"\| 2000 \| staging \| [^|;\s][^|;]* \d+\.\d MB"));
            Assert.That(Cell(replayRow, 9), Is.GreaterThan(0.95), "jot outcome F1");
            Assert.That(Cell(replayRow, 10), Is.GreaterThan(0.95), "share of correct outcomes with exact points");
            Assert.That(Cell(sqlRow, 6), Is.GreaterThan(0.9), "SQL baseline outcome F1");
            Assert.That(Cell(repeatRow, 2), Is.EqualTo(2), "runs of the 2000-person replay");
            Assert.That(repeatRow.Split('|')[3].Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)), Has.Exactly(2).GreaterThan(0), "each run's wall time");
            Assert.That(repeatRow.Split('|')[8].Trim(), Is.EqualTo("yes"), "both runs wrote byte-identical exports");
            Assert.That(Cell(replayRow, 3), Is.InRange(Cell(repeatRow, 5), Cell(repeatRow, 6)), "the reported run is one of those timed");
        });
    }

    [Test]
    public async Task An_unknown_option_or_size_is_bad_usage()
    {
        Assert.That((await RunAsync("--sizes", "lots", "--cache", work)).Exit, Is.EqualTo(2));
        Assert.That((await RunAsync("--fast")).Exit, Is.EqualTo(2));
    }

    private static string Row(string table, string start, string after = "## jot replay")
    {
        var section = table[table.IndexOf(after, StringComparison.Ordinal)..];
        return section.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal));
    }

    /// <summary>The numeric cell at 1-based column <paramref name="column"/> of a markdown row.</summary>
    private static double Cell(string row, int column)
        => double.Parse(row.Split('|')[column].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot(),
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "bench"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ConnectionStrings__Jot");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("scripts/bench did not start");
        var run = await JotProcess.WaitForExitAsync(process, Limit, "scripts/bench");
        return (run.ExitCode, run.StandardOutput + run.StandardError);
    }

    private static string RepositoryRoot() => Path.GetDirectoryName(SampleDatasets.Root)!;
}

using System.Globalization;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Host.Tests;

/// <summary>
/// The hand-checked datasets under <c>sample-data/</c> (issue 3 item 8), replayed by the real <c>jot</c> program in its
/// own process: every one verifies against its <c>expected/</c> files, a changed expected row is reported readably
/// with exit 1, and two replays write the same bytes.
/// </summary>
[NonParallelizable]
public sealed class SampleDataReplayTests
{
    private string work = "";

    private static IEnumerable<string> Datasets() => SampleDatasets.WithExpectedFiles();

    [SetUp]
    public void CreateWorkFolder()
    {
        work = Path.Combine(Path.GetTempPath(), "jot-sample-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
    }

    [TearDown]
    public void DeleteWorkFolder()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void The_basic_and_edge_case_datasets_carry_expected_files()
        => Assert.That(Datasets(), Is.SupersetOf(new[] { "basic", "edge-cases" }));

    [TestCaseSource(nameof(Datasets))]
    public async Task Replay_with_verify_agrees_with_the_hand_checked_expected_files(string dataset)
    {
        var run = await JotProcess.RunAsync("replay", "--dataset", SampleDatasets.PathOf(dataset), "--out", Path.Combine(work, "out"), "--verify");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(run.StandardOutput, Does.Contain("verify: identical (outcomes.csv, referrals.csv, rejects.csv, review.csv, summary.json)"));
        });
    }

    [TestCaseSource(nameof(Datasets))]
    public async Task Replay_prints_no_nino_name_or_date_of_birth_of_the_dataset(string dataset)
    {
        var run = await JotProcess.RunAsync("replay", "--dataset", SampleDatasets.PathOf(dataset), "--out", Path.Combine(work, "out"), "--verify");
        var printed = run.StandardOutput + run.StandardError;

        var personal = PersonalValues(SampleDatasets.PathOf(dataset)).ToArray();
        var leaked = personal.Where(v => printed.Contains(v, StringComparison.OrdinalIgnoreCase)).ToArray();

        Assert.That(personal, Is.Not.Empty, "the dataset should hold personal values to look for");
        Assert.That(leaked, Is.Empty, "personal data printed by jot replay (values shown here come from the made-up sample, not from output)");
    }

    [Test]
    public async Task A_changed_expected_row_fails_verification_and_shows_both_lines()
    {
        var dataset = Path.Combine(work, "basic");
        SampleDatasets.CopyTo("basic", dataset);
        const string Actual = "H026,C026,K026,2007-06,deterministic,1.0000,1,12,1,N,6,2,21,D01A,D01";
        const string Altered = "H026,C026,K026,2007-06,deterministic,1.0000,1,12,1,N,6,2,20,D01A,D01";
        var outcomes = Path.Combine(dataset, "expected", "outcomes.csv");
        var text = await File.ReadAllTextAsync(outcomes);
        Assert.That(text, Does.Contain(Actual + "\n"), "the row this test alters is no longer in basic/expected/outcomes.csv");
        await File.WriteAllTextAsync(outcomes, text.Replace(Actual, Altered, StringComparison.Ordinal));

        var run = await JotProcess.RunAsync("replay", "--dataset", dataset, "--out", Path.Combine(work, "out"), "--verify");

        // H026 is the 25th outcome (there is no H019), so line 26 after the header.
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
            Assert.That(run.StandardOutput, Does.Contain("verify: outcomes.csv line 26 expected only: " + Altered));
            Assert.That(run.StandardOutput, Does.Contain("verify: outcomes.csv line 26 actual only  : " + Actual));
            Assert.That(run.StandardOutput, Does.Contain("verify: DIFFERENT (2 differing lines, 0 missing files)"));
        });
    }

    [TestCaseSource(nameof(Datasets))]
    public async Task Two_replays_write_byte_identical_files(string dataset)
    {
        var first = Path.Combine(work, "first");
        var second = Path.Combine(work, "second");

        var runs = new[]
        {
            await JotProcess.RunAsync("replay", "--dataset", SampleDatasets.PathOf(dataset), "--out", first),
            await JotProcess.RunAsync("replay", "--dataset", SampleDatasets.PathOf(dataset), "--out", second),
        };

        Assert.That(runs.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Select(r => r.ToString())));
        var files = FileNames(first);
        // The SPEC §6 files at least; any other file the program writes (a model file, say) is compared as well.
        Assert.That(files, Is.SupersetOf(new[] { "evidence.csv", "outcomes.csv", "referrals.csv", "rejects.csv", "review.csv", "summary.json" }));
        Assert.That(FileNames(second), Is.EqualTo(files));
        foreach (var file in files)
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(first, file));
            var b = await File.ReadAllBytesAsync(Path.Combine(second, file));
            Assert.That(b, Is.EqualTo(a), $"{dataset}: {file} differs between two replays");
        }
    }

    private static string[] FileNames(string directory)
    {
        var names = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// NINos, surnames, forenames and dates of birth of every accepted input row. Names shorter than four letters
    /// are left out: they occur inside ordinary words ("Lee", "Ord") without being a leak.
    /// </summary>
    private static IEnumerable<string> PersonalValues(string datasetDirectory)
    {
        var dataset = DatasetReader.ReadDataset(datasetDirectory);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in dataset.Claims)
        {
            Add(values, c.Nino.Normalised, c.Surname, c.Forenames, c.DateOfBirth);
        }

        foreach (var e in dataset.Employments)
        {
            Add(values, e.Nino.Normalised, e.Surname, e.Forenames, e.DateOfBirth);
        }

        return values;
    }

    private static void Add(SortedSet<string> values, string nino, string surname, string forenames, DateOnly? dateOfBirth)
    {
        foreach (var value in new[] { nino, surname, forenames })
        {
            if (value.Length >= 4)
            {
                values.Add(value);
            }
        }

        if (dateOfBirth is { } dob)
        {
            values.Add(dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}

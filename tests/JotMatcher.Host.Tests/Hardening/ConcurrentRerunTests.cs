using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Host.Tests.Storage;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// Issue 7, concurrency: two <c>run --month</c> of one month at once, from inboxes that disagree (one has a late
/// withdrawal), so that interleaved writes would show. Each finishes or is refused cleanly, and the stored results
/// are exactly those of one run or the other — never a mix. (The storage tests cover two identical re-runs.)
/// </summary>
[NonParallelizable]
public sealed class ConcurrentRerunTests
{
    private string work = "";

    [SetUp]
    public void CreateWorkFolder()
    {
        work = Path.Combine(Path.GetTempPath(), "jot-concurrency-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Two_disagreeing_reruns_of_one_month_at_once_leave_the_results_of_one_of_them()
    {
        var original = SampleDatasets.PathOf("basic");
        var withdrawn = Path.Combine(work, "withdrawn");
        SampleDatasets.CopyTo("basic", withdrawn);
        var hmrc = Path.Combine(withdrawn, "hmrc", "starts_2007-08.csv");
        await File.WriteAllLinesAsync(hmrc, (await File.ReadAllLinesAsync(hmrc)).Where(l => !l.StartsWith("H026,", StringComparison.Ordinal)));

        var originalResults = await SequentialResultsAsync(original, original);
        var withdrawnResults = await SequentialResultsAsync(original, withdrawn);
        Assert.That(withdrawnResults, Is.Not.EqualTo(originalResults), "the two inboxes must give different results");

        await using var database = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await database.JotAsync("run", "--inbox", original)).ExitCode, Is.Zero);
        var runs = await Task.WhenAll(
            database.JotAsync("run", "--month", "2007-06", "--inbox", original),
            database.JotAsync("run", "--month", "2007-06", "--inbox", withdrawn));
        var final = await StoredResults.DigestAsync(database.ConnectionString);

        Assert.Multiple(() =>
        {
            foreach (var run in runs)
            {
                // Finished, or refused with a message and exit 3 before changing anything; never a crash.
                Assert.That(run.ExitCode is 0 || (run.ExitCode == 3 && run.StandardError.Contains("no month was changed", StringComparison.Ordinal)), Is.True, run.ToString);
            }

            Assert.That(runs.Count(r => r.ExitCode == 0), Is.GreaterThanOrEqualTo(1), "one of the two must finish");
            Assert.That(final, Is.EqualTo(originalResults).Or.EqualTo(withdrawnResults), "the month holds a mix of the two runs");
        });
    }

    /// <summary>The results after a nightly run on <paramref name="first"/> and then a month re-run on <paramref name="then"/>, alone.</summary>
    private static async Task<string> SequentialResultsAsync(string first, string then)
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await database.JotAsync("run", "--inbox", first)).ExitCode, Is.Zero);
        Assert.That((await database.JotAsync("run", "--month", "2007-06", "--inbox", then)).ExitCode, Is.Zero);
        return await StoredResults.DigestAsync(database.ConnectionString);
    }
}

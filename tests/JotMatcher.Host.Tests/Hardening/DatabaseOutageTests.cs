using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Host.Tests.Storage;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// Issue 7, outages: PostgreSQL stopped (immediately, as a crash stops it) in the middle of a real run. Restarted
/// within the retry bound, the run completes with the results of an undisturbed run; kept down beyond the bound,
/// the run stops with exit code 3 and the month's previous results stay exactly as they were.
/// </summary>
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    private string work = "";

    [SetUp]
    public void CreateWorkFolder()
    {
        work = Path.Combine(Path.GetTempPath(), "jot-outage-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Stopped_while_the_run_matches_and_restarted_within_the_retry_bound_the_run_completes_with_the_clean_results()
    {
        var inbox = SampleDatasets.PathOf("basic");
        string clean;
        await using (var reference = await JotDatabaseUnderTest.CreateAsync())
        {
            Assert.That((await reference.JotAsync("run", "--inbox", inbox)).ExitCode, Is.Zero);
            clean = await reference.ResultsDigestAsync();
        }

        await using var server = await DedicatedServer.StartAsync();
        // Up to 10 retries, 0.5 s doubling to 2 s: about 17 s of patience, far more than the outage below.
        using var run = new ObservedRun(Environment(server, retries: 10, baseDelay: "00:00:00.500", maxDelay: "00:00:02"), "run", "--inbox", inbox);

        await run.WaitForLineAsync(": matching");
        server.StopImmediately();
        await run.WaitForLineAsync("retrying");
        await server.RestartAsync();
        var exitCode = await run.ExitAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.Zero, run.ToString);
            Assert.That(await JotDatabaseUnderTest.ResultsDigestAsync(server.ConnectionString), Is.EqualTo(clean));
        });
    }

    [Test]
    public async Task Kept_down_beyond_the_retry_bound_the_month_rerun_exits_3_and_the_months_previous_results_are_intact()
    {
        var inbox = Path.Combine(work, "inbox");
        SampleDatasets.CopyTo("basic", inbox);
        await using var server = await DedicatedServer.StartAsync();
        var environment = Environment(server, retries: 2, baseDelay: "00:00:00.100", maxDelay: "00:00:00.200");
        var first = await JotProcess.RunAsync(environment, "run", "--inbox", inbox);
        Assert.That(first.ExitCode, Is.Zero, first.ToString);
        var before = await StoredResults.DigestAsync(server.ConnectionString);

        // A late withdrawal changes 2007-06 (H026 was one of its outcomes), so a re-run that wrote anything would show.
        var hmrc = Path.Combine(inbox, "hmrc", "starts_2007-08.csv");
        await File.WriteAllLinesAsync(hmrc, (await File.ReadAllLinesAsync(hmrc)).Where(l => !l.StartsWith("H026,", StringComparison.Ordinal)));
        int exitCode;
        string output;
        using (var rerun = new ObservedRun(environment, "run", "--month", "2007-06", "--inbox", inbox))
        {
            await rerun.WaitForLineAsync(": matching");
            server.StopImmediately();
            exitCode = await rerun.ExitAsync();
            output = rerun.ToString();
        }

        await server.RestartAsync();
        var after = await StoredResults.DigestAsync(server.ConnectionString);
        var recovered = await JotProcess.RunAsync(environment, "run", "--month", "2007-06", "--inbox", inbox);

        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("the database stayed unavailable through every retry"));
            Assert.That(after, Is.EqualTo(before), "the failed re-run changed stored results");
            Assert.That(recovered.ExitCode, Is.Zero, recovered.ToString);
            Assert.That(recovered.StandardOutput, Does.Contain("month 2007-06: changed since its previous run"), "the change was there to be written");
            Assert.That(await StoredResults.DigestAsync(server.ConnectionString), Is.Not.EqualTo(before));
        });
    }

    private static Dictionary<string, string> Environment(DedicatedServer server, int retries, string baseDelay, string maxDelay) => new()
    {
        ["ConnectionStrings__Jot"] = server.ConnectionString,
        ["Jot__PseudonymKey"] = JotDatabaseUnderTest.PseudonymKey,
        ["Jot__Database__Retry__MaxRetryAttempts"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jot__Database__Retry__BaseDelay"] = baseDelay,
        ["Jot__Database__Retry__MaxDelay"] = maxDelay,
    };
}

using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// `jot run` and `jot report` end to end: the real program, a real PostgreSQL database of the test's own, the bundled
/// sample data. Month re-runs report what changed (and "no change" when nothing did), exit codes follow SPEC §5.
/// </summary>
[NonParallelizable]
public sealed class RunCommandTests
{
    private string work = "";

    [SetUp]
    public void CreateWorkFolder()
    {
        work = Path.Combine(Path.GetTempPath(), "jot-run-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task A_run_then_a_month_rerun_twice_says_no_change_and_the_report_reads_the_results()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var inbox = SampleDatasets.PathOf("basic");

        var nightly = await database.JotAsync("run", "--inbox", inbox);
        var first = await database.JotAsync("run", "--month", "2007-08", "--inbox", inbox);
        var second = await database.JotAsync("run", "--month", "2007-08", "--inbox", inbox);
        var report = await database.JotAsync("report", "--format", "csv");

        Assert.Multiple(async () =>
        {
            Assert.That(nightly.ExitCode, Is.Zero, nightly.ToString);
            Assert.That(nightly.StandardOutput, Does.Contain("month 2007-08: first run: "));
            Assert.That(first.ExitCode, Is.Zero, first.ToString);
            Assert.That(first.StandardOutput, Does.Contain("unchanged claims/extract_2007-08.csv"));
            Assert.That(second.ExitCode, Is.Zero, second.ToString);
            Assert.That(second.StandardOutput, Does.Contain("month 2007-08: no change since its previous run"));
            Assert.That(report.ExitCode, Is.Zero, report.ToString);
            Assert.That(report.StandardOutput, Does.StartWith("period,district_code,group_1_points,"));
            Assert.That(report.StandardOutput, Does.Contain("\n2007-08,D01,"));
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.run WHERE status = 'succeeded'"), Is.EqualTo(3));
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.input_file"), Is.EqualTo(4), "files staged once");
        });
    }

    [Test]
    public async Task A_month_rerun_after_a_notification_is_withdrawn_reports_the_outcome_and_points_lost()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var inbox = Path.Combine(work, "inbox");
        SampleDatasets.CopyTo("basic", inbox);
        Assert.That((await database.JotAsync("run", "--inbox", inbox)).ExitCode, Is.Zero);

        // H026 is an outcome of 2007-06 in district D01, group 1, worth 21 points (sample-data/basic/expected).
        var hmrc = Path.Combine(inbox, "hmrc", "starts_2007-08.csv");
        var lines = await File.ReadAllLinesAsync(hmrc);
        await File.WriteAllLinesAsync(hmrc, lines.Where(l => !l.StartsWith("H026,", StringComparison.Ordinal)));
        var rerun = await database.JotAsync("run", "--month", "2007-06", "--inbox", inbox);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(l => l.StartsWith("H026,", StringComparison.Ordinal)), Is.EqualTo(1), "sample changed: H026 expected once");
            Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString);
            Assert.That(rerun.StandardOutput, Does.Contain("staged hmrc/starts_2007-08.csv as version 2 (the file changed; it replaces version 1)"));
            Assert.That(rerun.StandardOutput, Does.Contain("month 2007-06: changed since its previous run"));
            Assert.That(rerun.StandardOutput, Does.Match(@"D01 +1 +0 +1 +0 +21"));
            Assert.That(rerun.StandardOutput, Does.Contain("total: outcomes +0 -1, points +0 -21"));
        });
    }

    [Test]
    public async Task A_run_staging_rejected_rows_exits_1_and_a_rerun_with_nothing_new_exits_0()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var inbox = SampleDatasets.PathOf("edge-cases");

        var first = await database.JotAsync("run", "--inbox", inbox);
        var again = await database.JotAsync("run", "--inbox", inbox);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(1), first.ToString);
            Assert.That(first.StandardOutput, Does.Contain("rejected: 15 rows or files"));
            Assert.That(again.ExitCode, Is.Zero, again.ToString);
            Assert.That(again.StandardOutput, Does.Not.Contain("rejected:"));
        });
    }

    [Test]
    public async Task Two_reruns_of_one_month_at_once_both_finish_and_leave_the_results_of_one()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var inbox = SampleDatasets.PathOf("basic");
        Assert.That((await database.JotAsync("run", "--inbox", inbox)).ExitCode, Is.Zero);
        var digest = await database.ResultsDigestAsync();

        var runs = await Task.WhenAll(
            database.JotAsync("run", "--month", "2007-08", "--inbox", inbox),
            database.JotAsync("run", "--month", "2007-08", "--inbox", inbox));

        Assert.Multiple(async () =>
        {
            Assert.That(runs.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Select(r => r.ToString())));
            Assert.That(runs.Select(r => r.StandardOutput), Is.All.Contain("month 2007-08: no change since its previous run"));
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(digest));
        });
    }

    [Test]
    public async Task An_unreachable_database_stops_the_run_with_exit_3_after_the_retry_bound()
    {
        var nowhere = $"Host={Path.Combine(work, "no-server")};Port=5999;Username=postgres;Database=jot;Timeout=2";
        var run = await JotProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Jot"] = nowhere,
                ["Jot__PseudonymKey"] = JotDatabaseUnderTest.PseudonymKey,
                ["Jot__Database__Retry__MaxRetryAttempts"] = "2",
                ["Jot__Database__Retry__BaseDelay"] = "00:00:00.050",
                ["Jot__Database__Retry__MaxDelay"] = "00:00:00.100",
            },
            "run", "--inbox", SampleDatasets.PathOf("basic"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString);
            Assert.That(run.StandardError, Does.Contain("the database stayed unavailable through every retry"));
            Assert.That(run.StandardError, Does.Contain("retrying").And.Contain("attempt 2"));
        });
    }

    [Test]
    public async Task A_database_with_a_newer_schema_is_refused_with_exit_3()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await database.JotAsync("run", "--inbox", SampleDatasets.PathOf("basic"))).ExitCode, Is.Zero);
        await database.QueryScalarAsync<int>("INSERT INTO jot.schema_version (version, name) VALUES (999, 'future') RETURNING version");

        var run = await database.JotAsync("run", "--inbox", SampleDatasets.PathOf("basic"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString);
            Assert.That(run.StandardError, Does.Contain("schema is at version 999, newer than this program knows"));
        });
    }

    [Test]
    public async Task A_configured_server_without_a_pseudonym_key_is_refused()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();

        var run = await JotProcess.RunAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Jot"] = database.ConnectionString },
            "run", "--inbox", SampleDatasets.PathOf("basic"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString);
            Assert.That(run.StandardError, Does.Contain("Jot:PseudonymKey is required"));
        });
    }

    [TestCase("--month", "2007-13")]
    [TestCase("--month", "August")]
    public async Task A_bad_month_is_bad_usage(string option, string value)
    {
        var run = await JotProcess.RunAsync("run", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
    }
}

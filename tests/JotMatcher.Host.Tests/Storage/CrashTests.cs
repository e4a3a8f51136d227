using Dapper;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Postgres;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// A real `jot run` process killed with SIGKILL in the middle of writing, then run again, leaves exactly the results of
/// a clean run; killed while replacing months that already had results, it leaves those results untouched. To kill at
/// a known point rather than by luck, the test holds a table lock the run must wait for, waits until the run's backend
/// is blocked on it (its earlier writes of that transaction done), then kills the process.
/// </summary>
[NonParallelizable]
public sealed class CrashTests
{
    private static readonly string Inbox = SampleDatasets.PathOf("edge-cases");

    private string cleanDigest = "";

    [OneTimeSetUp]
    public async Task RunCleanly()
    {
        await using var clean = await JotDatabaseUnderTest.CreateAsync();
        var run = await clean.JotAsync("run", "--inbox", Inbox);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString); // the edge cases include rejected rows
        cleanDigest = await clean.ResultsDigestAsync();
    }

    // EXCLUSIVE blocks inserts but not reads. month_result is written last in the month transaction, after every
    // delete and COPY; staged_hmrc is copied after the claims files in the staging transaction.
    [TestCase("jot.staged_hmrc", "COPY jot.staged_hmrc", TestName = "Killed while staging, then re-run: the results of a clean run")]
    [TestCase("jot.month_result", "INSERT INTO jot.month_result", TestName = "Killed after writing every result row of its months, then re-run: the results of a clean run")]
    public async Task Killed_mid_write_then_rerun(string lockedTable, string blockedStatement)
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        await KillWhileBlockedAsync(database, lockedTable, blockedStatement);

        var afterKill = await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.month_result");
        var rerun = await database.JotAsync("run", "--inbox", Inbox);

        Assert.Multiple(async () =>
        {
            Assert.That(afterKill, Is.Zero, "nothing of the killed run's months may be visible");
            Assert.That(rerun.ExitCode, Is.Not.EqualTo(3), rerun.ToString);
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(cleanDigest));
            Assert.That(await database.QueryScalarAsync<string>("SELECT status FROM jot.run ORDER BY run_id LIMIT 1"), Is.EqualTo("abandoned"));
        });
    }

    [Test]
    public async Task Killed_while_replacing_months_that_had_results_leaves_them_intact()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await database.JotAsync("run", "--inbox", Inbox)).ExitCode, Is.EqualTo(1));

        await KillWhileBlockedAsync(database, "jot.month_result", "INSERT INTO jot.month_result");
        var afterKill = await database.ResultsDigestAsync();
        var rerun = await database.JotAsync("run", "--inbox", Inbox);

        Assert.Multiple(async () =>
        {
            Assert.That(afterKill, Is.EqualTo(cleanDigest), "the killed run must leave the previous results exactly as they were");
            Assert.That(rerun.ExitCode, Is.Zero, rerun.ToString);
            Assert.That(rerun.StandardOutput, Does.Contain("no change since its previous run"));
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(cleanDigest));
        });
    }

    private static async Task KillWhileBlockedAsync(JotDatabaseUnderTest database, string lockedTable, string blockedStatement)
    {
        await using var blocked = await BlockedRun.StartAsync(database, lockedTable, blockedStatement, "run", "--inbox", Inbox);
        blocked.Process.Kill(entireProcessTree: true); // SIGKILL: no clean-up code of jot runs
        await blocked.Process.WaitForExitAsync();
        Assert.That(blocked.Process.ExitCode, Is.Not.Zero.And.Not.EqualTo(1));
    }
}

using System.Diagnostics;
using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// `jot worker` as it runs under a service manager: runs on its cron schedule, and SIGTERM stops it cleanly — a run
/// in progress is cancelled before its commit, so no month is half-written and the previous results stay.
/// </summary>
[NonParallelizable]
public sealed class WorkerTests
{
    private static readonly string Inbox = SampleDatasets.PathOf("basic");

    [Test]
    public async Task The_worker_runs_on_its_schedule_and_exits_0_on_SIGTERM()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        using var worker = database.StartJotWith(WorkerEnvironment(), "worker");
        var output = worker.StandardOutput.ReadToEndAsync();
        var error = worker.StandardError.ReadToEndAsync();
        while (await database.QueryScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'jot' AND tablename = 'run'") == 0
               || await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.run WHERE status = 'succeeded'") == 0)
        {
            Assert.That(worker.HasExited, Is.False, () => error.Result);
            await Task.Delay(50);
        }

        Terminate(worker);
        await worker.WaitForExitAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(worker.ExitCode, Is.Zero, await error);
            Assert.That(await error, Does.Contain("succeeded: 56 rows read"));
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.run WHERE status = 'running'"), Is.Zero);
            Assert.That(await output, Is.Empty.Or.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task SIGTERM_during_a_run_cancels_it_before_its_commit_and_leaves_the_previous_results()
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await database.JotAsync("run", "--inbox", Inbox)).ExitCode, Is.Zero);
        var before = await database.ResultsDigestAsync();

        await using var blocked = await BlockedRun.StartAsync(database, "jot.month_result", "INSERT INTO jot.month_result", WorkerEnvironment(database), "worker");
        Terminate(blocked.Process);
        await blocked.Process.WaitForExitAsync();
        var error = await blocked.Error;

        Assert.Multiple(async () =>
        {
            Assert.That(blocked.Process.ExitCode, Is.Zero, error);
            Assert.That(error, Does.Contain("Worker stopping"));
            Assert.That(await database.QueryScalarAsync<string>("SELECT status || ': ' || message FROM jot.run ORDER BY run_id DESC LIMIT 1"), Is.EqualTo("failed: cancelled"));
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(before));
        });
    }

    private static (string, string)[] WorkerEnvironment() =>
    [
        ("Jot__Worker__Schedule", "* * * * * *"), // every second
        ("Jot__Inbox", Inbox),
    ];

    private static Dictionary<string, string> WorkerEnvironment(JotDatabaseUnderTest database) => database.Environment(WorkerEnvironment());

    // Process.Kill sends SIGKILL; a service manager stops a service with SIGTERM.
    private static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Postgres.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// Issue 7: PostgreSQL stopped in the middle of a run's month transaction. Back within the retry bound, the run
/// completes with the results of an undisturbed run; gone for longer, the run stops with exit code 3 and the
/// month's previous results are intact. The test runs its own cluster (JotMatcher's embedded-cluster code) so it
/// can stop and start the server.
/// </summary>
[NonParallelizable]
public sealed class OutageTests
{
    private static readonly string Inbox = SampleDatasets.PathOf("basic");
    private EmbeddedCluster cluster = null!;
    private string folder = "";

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        folder = Path.Combine(Path.GetTempPath(), "jot-outage-pg-" + Guid.NewGuid().ToString("N")[..8]);
        cluster = await EmbeddedCluster.StartAsync(
            new EmbeddedClusterOptions { DataFolder = folder, Database = "postgres", Durable = false, Port = 54330 },
            NullLogger.Instance,
            CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        NpgsqlConnection.ClearAllPools();
        await cluster.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task A_server_back_within_the_retry_bound_lets_the_run_complete()
    {
        await using var database = await JotDatabaseUnderTest.CreateOnAsync(cluster.ConnectionString("postgres"));
        Assert.That((await database.JotAsync("run", "--inbox", Inbox)).ExitCode, Is.Zero);
        var before = await database.ResultsDigestAsync();
        var patient = database.Environment(
            ("Jot__Database__Retry__MaxRetryAttempts", "8"),
            ("Jot__Database__Retry__BaseDelay", "00:00:00.500"),
            ("Jot__Database__Retry__MaxDelay", "00:00:02"));

        await using var blocked = await BlockedRun.StartAsync(database, "jot.month_result", "INSERT INTO jot.month_result", patient, "run", "--month", "2007-08", "--inbox", Inbox);
        cluster.StopServer();
        cluster.StartServer();
        await blocked.Process.WaitForExitAsync();
        NpgsqlConnection.ClearAllPools();

        Assert.Multiple(async () =>
        {
            Assert.That(blocked.Process.ExitCode, Is.Zero, await blocked.Error);
            Assert.That(await blocked.Output, Does.Contain("month 2007-08: no change since its previous run"));
            Assert.That(await blocked.Output, Does.Match("database: succeeded after [2-9] attempts"));
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_server_gone_beyond_the_retry_bound_stops_the_run_with_exit_3_and_the_month_intact()
    {
        await using var database = await JotDatabaseUnderTest.CreateOnAsync(cluster.ConnectionString("postgres"));
        Assert.That((await database.JotAsync("run", "--inbox", Inbox)).ExitCode, Is.Zero);
        var before = await database.ResultsDigestAsync();
        var impatient = database.Environment(
            ("Jot__Database__Retry__MaxRetryAttempts", "2"),
            ("Jot__Database__Retry__BaseDelay", "00:00:00.050"),
            ("Jot__Database__Retry__MaxDelay", "00:00:00.100"));

        int exitCode;
        string error;
        await using (var blocked = await BlockedRun.StartAsync(database, "jot.month_result", "INSERT INTO jot.month_result", impatient, "run", "--month", "2007-08", "--inbox", Inbox))
        {
            cluster.StopServer();
            try
            {
                await blocked.Process.WaitForExitAsync();
                exitCode = blocked.Process.ExitCode;
                error = await blocked.Error;
            }
            finally
            {
                cluster.StartServer();
            }
        }

        NpgsqlConnection.ClearAllPools();
        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.EqualTo(3), error);
            Assert.That(error, Does.Contain("the database stayed unavailable through every retry"));
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(before));
        });
    }
}

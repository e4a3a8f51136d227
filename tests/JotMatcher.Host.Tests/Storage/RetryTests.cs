using Dapper;
using JotMatcher.Host.Tests.SampleData;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// A transient failure in the middle of a real run — its backend terminated by the server while the month
/// transaction is open — is retried: the month transaction starts again from the beginning and the run completes
/// with the same results as an undisturbed run, saying it needed more than one attempt.
/// </summary>
[NonParallelizable]
public sealed class RetryTests
{
    [Test]
    public async Task A_run_whose_backend_is_terminated_mid_transaction_retries_and_completes()
    {
        var inbox = SampleDatasets.PathOf("basic");
        await using var clean = await JotDatabaseUnderTest.CreateAsync();
        Assert.That((await clean.JotAsync("run", "--inbox", inbox)).ExitCode, Is.Zero);

        await using var database = await JotDatabaseUnderTest.CreateAsync();
        await using (var blocked = await BlockedRun.StartAsync(database, "jot.month_result", "INSERT INTO jot.month_result", "run", "--inbox", inbox))
        {
            await using (var admin = new NpgsqlConnection(database.ConnectionString))
            {
                Assert.That(await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", new { pid = blocked.BackendPid }), Is.True);
            }

            await blocked.ReleaseAsync();
            await blocked.Process.WaitForExitAsync();
            var output = await blocked.Output;
            var error = await blocked.Error;

            Assert.Multiple(async () =>
            {
                Assert.That(blocked.Process.ExitCode, Is.Zero, error);
                Assert.That(error, Does.Contain("Database failure on attempt 1 (SQLSTATE 57P01)"));
                Assert.That(output, Does.Contain("database: succeeded after 2 attempts"));
                Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(await clean.ResultsDigestAsync()));
                Assert.That(await database.QueryScalarAsync<int>("SELECT attempts FROM jot.run"), Is.EqualTo(2));
            });
        }
    }
}

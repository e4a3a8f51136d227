using Dapper;
using JotMatcher.Host.Tests.SampleData;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// A run writes its export files while it stores its months, but shows them only once the months are committed: a run
/// whose month transaction fails leaves no export file behind, finished or temporary.
/// </summary>
[NonParallelizable]
public sealed class ExportAfterCommitTests
{
    [Test]
    public async Task A_run_whose_months_fail_to_store_leaves_no_export_file()
    {
        var output = Path.Combine(Path.GetTempPath(), "jot-export-after-commit-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = await JotDatabaseUnderTest.CreateAsync();
            await using var blocked = await BlockedRun.StartAsync(
                database, "jot.month_result", "INSERT INTO jot.month_result", "run", "--inbox", SampleDatasets.PathOf("basic"), "--out", output);

            // Cancelling the statement is not a transient failure: the month transaction fails and is not retried.
            await using (var admin = new NpgsqlConnection(database.ConnectionString))
            {
                Assert.That(await admin.ExecuteScalarAsync<bool>("SELECT pg_cancel_backend(@pid)", new { pid = blocked.BackendPid }), Is.True);
            }

            await blocked.Process.WaitForExitAsync();
            var error = await blocked.Error;

            Assert.Multiple(async () =>
            {
                Assert.That(blocked.Process.ExitCode, Is.EqualTo(3), error);
                Assert.That(Directory.Exists(output) ? Directory.GetFiles(output) : [], Is.Empty);
                Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.month_result"), Is.Zero);
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

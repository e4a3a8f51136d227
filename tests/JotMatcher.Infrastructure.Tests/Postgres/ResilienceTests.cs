using Dapper;
using JotMatcher.Infrastructure.Resilience;
using Npgsql;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>
/// Transient PostgreSQL failures are retried with the whole transaction as the unit; beyond the bound the failure
/// surfaces; a failure that is not transient is not retried. Real server, real terminated backends.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly DatabaseRetryOptions Quick = new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    [Test]
    public async Task A_transaction_whose_backend_is_terminated_is_retried_as_a_whole()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await using (var setup = await database.DataSource.OpenConnectionAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE jot.retry_probe (attempt int)");
        }

        var retries = new List<DatabaseRetry>();
        var pipeline = DatabaseResilience.Create(Quick, TimeProvider.System, retries.Add);
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "jot-victim" }.ConnectionString;
        var attempt = 0;
        var killer = TerminateWhenSleepingAsync(database);

        await pipeline.ExecuteAsync(async ct =>
        {
            attempt++;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync("INSERT INTO jot.retry_probe VALUES (@attempt)", new { attempt });
            if (attempt == 1)
            {
                await connection.ExecuteAsync("SELECT pg_sleep(60)"); // terminated by the killer mid-transaction
            }

            await tx.CommitAsync(ct);
        }, CancellationToken.None);
        await killer;

        await using var check = await database.DataSource.OpenConnectionAsync();
        var rows = (await check.QueryAsync<int>("SELECT attempt FROM jot.retry_probe")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempt, Is.EqualTo(2));
            Assert.That(rows, Is.EqualTo(new[] { 2 }), "the first attempt's insert must have been rolled back with its transaction");
            Assert.That(retries.Single().FailedAttempt, Is.EqualTo(1));
        });
    }

    [Test]
    public void Beyond_the_bound_the_transient_failure_surfaces_after_every_attempt()
    {
        var attempts = 0;
        var pipeline = DatabaseResilience.Create(Quick, TimeProvider.System);
        // A socket folder where no server listens: connection refused every time.
        var nowhere = new NpgsqlConnectionStringBuilder { Host = Path.Combine(Path.GetTempPath(), "jot-no-server-" + Guid.NewGuid().ToString("N")[..8]), Port = 5999, Username = "postgres", Timeout = 2 }.ConnectionString;

        var failure = Assert.CatchAsync(async () => await pipeline.ExecuteAsync(async ct =>
        {
            attempts++;
            await using var connection = new NpgsqlConnection(nowhere);
            await connection.OpenAsync(ct);
        }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(Quick.MaxRetryAttempts + 1));
            Assert.That(TransientDatabaseFailure.Is(failure!), Is.True, failure!.ToString());
        });
    }

    [Test]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        var attempts = 0;
        var pipeline = DatabaseResilience.Create(Quick, TimeProvider.System);

        var failure = Assert.ThrowsAsync<PostgresException>(async () => await pipeline.ExecuteAsync(async ct =>
        {
            attempts++;
            await using var connection = await database.DataSource.OpenConnectionAsync(ct);
            await connection.ExecuteAsync("SELECT * FROM jot.no_such_table");
        }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(1));
            Assert.That(failure!.SqlState, Is.EqualTo(PostgresErrorCodes.UndefinedTable));
        });
    }

    [TestCase(PostgresErrorCodes.SerializationFailure, true)]
    [TestCase(PostgresErrorCodes.DeadlockDetected, true)]
    [TestCase(PostgresErrorCodes.AdminShutdown, true)]
    [TestCase(PostgresErrorCodes.CannotConnectNow, true)]
    [TestCase(PostgresErrorCodes.ConnectionFailure, true)]
    [TestCase(PostgresErrorCodes.UniqueViolation, false)]
    [TestCase(PostgresErrorCodes.CheckViolation, false)]
    public void Sqlstates_are_classified(string sqlState, bool transient)
        => Assert.That(TransientDatabaseFailure.Is(new PostgresException("test", "ERROR", "ERROR", sqlState)), Is.EqualTo(transient));

    private static async Task TerminateWhenSleepingAsync(StorageTestDatabase database)
    {
        await using var killer = await database.DataSource.OpenConnectionAsync();
        while (await killer.ExecuteScalarAsync<int>("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE application_name = 'jot-victim' AND query LIKE '%pg_sleep%' AND state = 'active'
            """) == 0)
        {
            await Task.Delay(20);
        }
    }
}

using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace JotMatcher.Infrastructure.Postgres.Runs;

/// <summary>
/// The runs ledger (<c>jot.run</c>). A run is inserted as <c>running</c> and holds a session advisory lock on its
/// id for its life; it becomes <c>succeeded</c> in the same transaction that stores its results, or <c>failed</c>
/// with a message. A <c>running</c> row whose lock is free belongs to a process that died (kill -9, power loss):
/// the next run marks it <c>abandoned</c>. Start and end times live here only, never in an export.
/// </summary>
public sealed class RunLedger(TimeProvider clock, ILogger logger)
{
    /// <summary>Records a new run and takes its lock on <paramref name="connection"/>, which must stay open for the run's life.</summary>
    public async Task<long> StartAsync(NpgsqlConnection connection, RunKind kind, string programVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await MarkAbandonedAsync(connection, cancellationToken);
        var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO jot.run (kind, status, program_version, started_at) VALUES (@kind, 'running', @programVersion, @startedAt)
            RETURNING run_id
            """, new { kind = KindName(kind), programVersion, startedAt = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@ns, @key)", new { ns = AdvisoryLocks.Run, key = RunKey(runId) }, cancellationToken: cancellationToken));
        return runId;
    }

    /// <summary>Marks the run succeeded; call inside the transaction that stores its results.</summary>
    public async Task SucceedAsync(NpgsqlConnection connection, long runId, RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(record);
        await using var command = new NpgsqlCommand("""
            UPDATE jot.run
            SET status = 'succeeded', months = @months, rule_set_versions = @ruleSets, as_of = @asOf, attempts = @attempts,
                counts = @counts, ended_at = @endedAt
            WHERE run_id = @runId
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("months", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = record.Months.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ruleSets", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = record.RuleSetVersions.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("asOf", NpgsqlDbType.Date) { Value = record.AsOf });
        command.Parameters.Add(new NpgsqlParameter("attempts", NpgsqlDbType.Integer) { Value = record.Attempts });
        command.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Jsonb) { Value = record.CountsJson });
        command.Parameters.Add(new NpgsqlParameter("endedAt", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter("runId", NpgsqlDbType.Bigint) { Value = runId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the run failed with a message that holds no personal data; releases its lock.</summary>
    public async Task FailAsync(NpgsqlConnection connection, long runId, string message, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jot.run SET status = 'failed', message = @message, attempts = @attempts, ended_at = @endedAt
            WHERE run_id = @runId AND status = 'running'
            """, new { runId, message, attempts, endedAt = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Releases the run's lock (closing the connection releases it too).</summary>
    public static Task ReleaseAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_unlock(@ns, @key)", new { ns = AdvisoryLocks.Run, key = RunKey(runId) }, cancellationToken: cancellationToken));

    private async Task MarkAbandonedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var running = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT run_id FROM jot.run WHERE status = 'running' ORDER BY run_id", cancellationToken: cancellationToken));
        foreach (var runId in running)
        {
            var key = new { ns = AdvisoryLocks.Run, key = RunKey(runId) };
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@ns, @key)", key, cancellationToken: cancellationToken)))
            {
                continue; // its process is alive and holds the lock
            }

            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE jot.run SET status = 'abandoned', message = 'the process running it ended before it finished', ended_at = @endedAt
                WHERE run_id = @runId AND status = 'running'
                """, new { runId, endedAt = clock.GetUtcNow() }, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@ns, @key)", key, cancellationToken: cancellationToken));
            Log.RunAbandoned(logger, runId);
        }
    }

    // Run ids fit an int for 2 billion runs; the lock key wraps harmlessly beyond that.
    private static int RunKey(long runId) => unchecked((int)runId);

    private static string KindName(RunKind kind) => kind switch
    {
        RunKind.Nightly => "nightly",
        RunKind.Month => "month",
        _ => "replay",
    };
}

/// <summary>What the ledger keeps of a finished run besides its status and times.</summary>
public sealed record RunRecord(IReadOnlyList<string> Months, IReadOnlyList<string> RuleSetVersions, DateOnly AsOf, int Attempts, string CountsJson);

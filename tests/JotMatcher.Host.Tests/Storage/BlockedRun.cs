using System.Diagnostics;
using Dapper;
using JotMatcher.Infrastructure.Postgres;
using Npgsql;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// A real jot process held at a known point of its work: the test takes a lock on a table the run must write, starts
/// jot, and waits until jot's backend is blocked on that lock with <c>blockedStatement</c>. Every write the run made
/// before that statement is done but uncommitted. Disposing releases the lock.
/// </summary>
internal sealed class BlockedRun : IAsyncDisposable
{
    private readonly NpgsqlConnection holder;
    private readonly NpgsqlTransaction lockTransaction;
    private bool released;

    private BlockedRun(NpgsqlConnection holder, NpgsqlTransaction lockTransaction, Process process, Task<string> output, Task<string> error, int backendPid)
    {
        this.holder = holder;
        this.lockTransaction = lockTransaction;
        Process = process;
        Output = output;
        Error = error;
        BackendPid = backendPid;
    }

    public Process Process { get; }

    public Task<string> Output { get; }

    public Task<string> Error { get; }

    /// <summary>The PostgreSQL backend serving the blocked statement.</summary>
    public int BackendPid { get; }

    public static async Task<BlockedRun> StartAsync(JotDatabaseUnderTest database, string lockedTable, string blockedStatement, params string[] arguments)
    {
        var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "jot-test-lock-holder" }.ConnectionString);
        await holder.OpenAsync();
        await SchemaMigrator.MigrateAsync(holder, CancellationToken.None); // the table to lock must exist before jot starts
        var tx = await holder.BeginTransactionAsync();

        // EXCLUSIVE blocks writers of the table but not its readers.
        await holder.ExecuteAsync($"LOCK TABLE {lockedTable} IN EXCLUSIVE MODE");

        // A separate observer: inside the holder's transaction pg_stat_activity would stay the snapshot first read.
        await using var observer = new NpgsqlConnection(database.ConnectionString);
        await observer.OpenAsync();
        var process = database.StartJot(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        int? pid;
        while ((pid = await BlockedBackendAsync(observer, database.ApplicationName, blockedStatement)) is null)
        {
            Assert.That(process.HasExited, Is.False, () => $"jot finished before it reached {blockedStatement}: {output.Result}{error.Result}");
            await Task.Delay(10);
        }

        return new BlockedRun(holder, tx, process, output, error, pid.Value);
    }

    /// <summary>Releases the lock, so the run (or its retry) can go on.</summary>
    public async Task ReleaseAsync()
    {
        if (!released)
        {
            released = true;
            await lockTransaction.RollbackAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await lockTransaction.DisposeAsync();
        await holder.DisposeAsync();
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private static Task<int?> BlockedBackendAsync(NpgsqlConnection observer, string applicationName, string statement)
        => observer.QueryFirstOrDefaultAsync<int?>("""
            SELECT pid FROM pg_stat_activity
            WHERE application_name = @applicationName AND wait_event_type = 'Lock' AND query LIKE @statement || '%'
            """, new { applicationName, statement });
}

using JotMatcher.Infrastructure.Postgres.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// A PostgreSQL server of one test's own (JotMatcher's embedded-cluster code, in a temp folder, on a private port),
/// which the test may stop — as a crash would, <c>pg_ctl stop -m immediate</c> — and start again while the program
/// runs against it. The shared test server cannot be stopped: other tests use it.
/// </summary>
internal sealed class DedicatedServer : IAsyncDisposable
{
    private readonly EmbeddedClusterOptions options;
    private EmbeddedCluster? cluster;

    private DedicatedServer(EmbeddedClusterOptions options, EmbeddedCluster cluster)
    {
        this.options = options;
        this.cluster = cluster;
    }

    /// <summary>Connection string to the <c>jot</c> database, with a short connect timeout so outages show quickly.</summary>
    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(cluster!.ConnectionString()) { Timeout = 3, Pooling = false }.ConnectionString;

    public static async Task<DedicatedServer> StartAsync()
    {
        var options = new EmbeddedClusterOptions
        {
            DataFolder = Path.Combine(Path.GetTempPath(), "jot-outage-" + Guid.NewGuid().ToString("N")[..12]),
            // A port of this process's own, away from the embedded default and the shared test server.
            Port = 40000 + (Environment.ProcessId % 20000),
            Database = "jot",
            Durable = false,
        };
        return new DedicatedServer(options, await EmbeddedCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None));
    }

    /// <summary>Stops the server at once, as a crash or an operator's emergency stop would: clients lose their connections.</summary>
    public void StopImmediately()
    {
        var pgCtl = Path.Combine(BinDirectory(), "pg_ctl");
        string[] arguments = ["-D", Path.Combine(cluster!.Folder, "data"), "-m", "immediate", "-w", "stop"];
        var start = Environment.IsPrivilegedProcess
            ? new System.Diagnostics.ProcessStartInfo("runuser", ["-u", options.ServerUser, "--", pgCtl, .. arguments])
            : new System.Diagnostics.ProcessStartInfo(pgCtl, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "pg_ctl stop: " + error);
    }

    /// <summary>Starts the stopped server again (same data, port and socket).</summary>
    public async Task RestartAsync()
    {
        await cluster!.DisposeAsync();
        // Pooled connections of this test process point at the server that was stopped: broken pipes, not connections.
        Npgsql.NpgsqlConnection.ClearAllPools();
        cluster = await EmbeddedCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null;
        }

        try
        {
            Directory.Delete(options.DataFolder!, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // files owned by the server user when run as root: left in the temp folder
        }
    }

    private static string BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("PG_THROWAWAY_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return found ?? throw new DirectoryNotFoundException("PostgreSQL server binaries (pg_ctl) not found under /usr/lib/postgresql");
    }
}

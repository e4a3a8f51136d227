using Dapper;
using JotMatcher.Infrastructure.Postgres.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JotMatcher.Tests.Postgres;

/// <summary>
/// The real PostgreSQL the storage tests use (never a mock): the server <c>scripts/test</c> started
/// (<c>JOT_TEST_CONNECTION</c>, a superuser connection), or, when that is unset, a throw-away cluster started here with
/// JotMatcher's own embedded-cluster code in a temp folder, so <c>dotnet test</c> alone works too.
/// Each test fixture works in a database of its own (<see cref="CreateDatabaseAsync"/>), so tests never interfere.
/// Compiled into both storage test projects (linked file).
/// </summary>
internal static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedCluster? cluster;
    private static string? folder;
    private static string? serverConnectionString;

    /// <summary>A superuser connection string to the server's maintenance database.</summary>
    public static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (serverConnectionString is not null)
            {
                return serverConnectionString;
            }

            var configured = Environment.GetEnvironmentVariable("JOT_TEST_CONNECTION");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                serverConnectionString = configured;
                return configured;
            }

            folder = Path.Combine(Path.GetTempPath(), "jot-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
            cluster = await EmbeddedCluster.StartAsync(
                new EmbeddedClusterOptions { DataFolder = folder, Database = "postgres", Durable = false },
                NullLogger.Instance,
                CancellationToken.None);
            serverConnectionString = cluster.ConnectionString("postgres");
            return serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database of its own for one fixture; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await ServerAsync();
        var name = "jot_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, ApplicationName = "jot-test" }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(await ServerAsync());
        await connection.OpenAsync();
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Stops the throw-away cluster started here (none when scripts/test provided the server).</summary>
    public static async Task StopAsync()
    {
        if (cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await cluster.DisposeAsync();
            cluster = null;
            try
            {
                Directory.Delete(folder!, recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                // files owned by the server user when run as root: left in the temp folder
            }
        }
    }
}

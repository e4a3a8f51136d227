using Dapper;
using JotMatcher.Infrastructure.Postgres.Embedded;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// The database a command works in: a configured server (<c>ConnectionStrings:Jot</c>) or the embedded default
/// cluster, with its schema migrated and the NINo pseudonymiser keyed. Disposing it closes the data source, drops
/// a scratch database and leaves the embedded cluster (the last process out stops it).
/// </summary>
public sealed class JotDatabase : IAsyncDisposable
{
    private readonly EmbeddedCluster? cluster;
    private readonly string? scratchDatabase;
    private readonly string? maintenanceConnectionString;

    private JotDatabase(NpgsqlDataSource dataSource, NinoPseudonymizer pseudonymizer, EmbeddedCluster? cluster, string? scratchDatabase, string? maintenanceConnectionString)
    {
        DataSource = dataSource;
        Pseudonymizer = pseudonymizer;
        this.cluster = cluster;
        this.scratchDatabase = scratchDatabase;
        this.maintenanceConnectionString = maintenanceConnectionString;
    }

    public NpgsqlDataSource DataSource { get; }

    public NinoPseudonymizer Pseudonymizer { get; }

    /// <summary>True when this is the embedded default cluster.</summary>
    public bool IsEmbedded => cluster is not null;

    /// <summary>
    /// Opens the configured server, or starts/joins the embedded cluster when <paramref name="connectionString"/> is
    /// empty. A configured server needs <paramref name="pseudonymKey"/>; the embedded default keeps its own key file.
    /// With <paramref name="scratch"/>, works in a new database on the same server, dropped on dispose (replays).
    /// </summary>
    public static async Task<JotDatabase> OpenAsync(
        string? connectionString, string? pseudonymKey, EmbeddedClusterOptions embedded, bool scratch, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        EmbeddedCluster? cluster = null;
        NinoPseudonymizer pseudonymizer;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            cluster = await EmbeddedCluster.StartAsync(embedded, logger, cancellationToken);
            connectionString = cluster.ConnectionString();
            pseudonymizer = string.IsNullOrEmpty(pseudonymKey)
                ? NinoPseudonymizer.FromKeyFile(Path.Combine(cluster.Folder, "pseudonym.key"))
                : NinoPseudonymizer.FromConfiguredKey(pseudonymKey);
        }
        else
        {
            pseudonymizer = string.IsNullOrEmpty(pseudonymKey)
                ? throw new StorageSetupException("Jot:PseudonymKey is required when ConnectionStrings:Jot names a server (only the embedded default keeps a key of its own)")
                : NinoPseudonymizer.FromConfiguredKey(pseudonymKey);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                builder.ApplicationName = "jot";
            }

            // A bulk COPY of millions of rows, or a wait for another run's month lock, outlasts Npgsql's default 30 s
            // command timeout; a dead server is noticed by TCP keepalive instead of a timeout that would retry a
            // healthy long statement for ever.
            if (!HasSetting(connectionString, "Command Timeout", "CommandTimeout"))
            {
                builder.CommandTimeout = 0;
            }

            if (builder.KeepAlive == 0)
            {
                builder.KeepAlive = 30;
            }

            string? scratchName = null;
            string? maintenance = null;
            if (scratch)
            {
                maintenance = builder.ConnectionString;
                scratchName = await CreateScratchDatabaseAsync(maintenance, cancellationToken);
                builder.Database = scratchName;
            }

            var dataSource = NpgsqlDataSource.Create(builder);
            var database = new JotDatabase(dataSource, pseudonymizer, cluster, scratchName, maintenance);
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var applied = await SchemaMigrator.MigrateAsync(connection, cancellationToken);
                if (applied.Count > 0)
                {
                    Log.SchemaMigrated(logger, SchemaMigrator.LatestVersion, string.Join(',', applied));
                }

                if (scratch)
                {
                    // A replay's database is dropped afterwards: its bulk tables need no write-ahead log, and no index for reading back.
                    await connection.ExecuteAsync(new CommandDefinition(ScratchUnlogged, cancellationToken: cancellationToken));
                }
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }

            return database;
        }
        catch when (cluster is not null)
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (scratchDatabase is not null && maintenanceConnectionString is not null)
        {
            await using var connection = new NpgsqlConnection(maintenanceConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{scratchDatabase}\" WITH (FORCE)");
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    private const string ScratchUnlogged = """
        ALTER TABLE jot.staged_claim SET UNLOGGED;
        ALTER TABLE jot.staged_hmrc SET UNLOGGED;
        ALTER TABLE jot.staged_reject SET UNLOGGED;
        ALTER TABLE jot.outcome SET UNLOGGED;
        ALTER TABLE jot.review_case SET UNLOGGED;
        ALTER TABLE jot.referral SET UNLOGGED;
        ALTER TABLE jot.evidence SET UNLOGGED;
        ALTER TABLE jot.match_link SET UNLOGGED;
        -- Nothing reads staged rows back by file or deletes results by month in a fresh database: these indexes
        -- would only slow the COPY.
        DROP INDEX jot.staged_claim_file, jot.staged_hmrc_file, jot.staged_reject_file, jot.review_case_month, jot.evidence_month;
        -- Nor are results looked up by key. Keeping these indexes was most of the server's time on those tables (1M
        -- people: a COPY of the outcomes took 1.43 s with the key, 0.46 s without; in a replay the outcome COPY went
        -- from 2.3 to 1.5 s, the link COPY from 1.3 to 0.8 s). The check they made, one row per key, the writer makes
        -- as it sends the rows in key order (ResultRows, LinkMerge).
        ALTER TABLE jot.outcome DROP CONSTRAINT outcome_pkey;
        ALTER TABLE jot.referral DROP CONSTRAINT referral_pkey;
        ALTER TABLE jot.match_link DROP CONSTRAINT match_link_pkey;
        """;

    private static bool HasSetting(string connectionString, params string[] keys)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(given.ContainsKey);
    }

    // A replay's database: a fresh name each time, so replays never see each other's or the nightly data.
    private static async Task<string> CreateScratchDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = "jot_replay_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Identifiers cannot be parameters; the name is built here from hex digits only.
        await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{name}\"", cancellationToken: cancellationToken));
        return name;
    }
}

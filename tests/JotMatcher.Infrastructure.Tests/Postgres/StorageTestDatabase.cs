using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Postgres.Runs;
using JotMatcher.Infrastructure.Postgres.Staging;
using JotMatcher.Tests.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>A test fixture's own migrated database, with helpers that stage an inbox and start ledger runs.</summary>
internal sealed class StorageTestDatabase : IAsyncDisposable
{
    public static readonly NinoPseudonymizer Pseudonymizer = new("storage-tests-pseudonym-key"u8.ToArray());

    private StorageTestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<StorageTestDatabase> CreateAsync(bool migrate = true)
    {
        var database = new StorageTestDatabase(await TestPostgres.CreateDatabaseAsync());
        if (migrate)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await SchemaMigrator.MigrateAsync(connection, CancellationToken.None);
        }

        return database;
    }

    public async Task<long> StartRunAsync(RunKind kind = RunKind.Nightly)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var runId = await new RunLedger(TimeProvider.System, NullLogger.Instance).StartAsync(connection, kind, "test", CancellationToken.None);
        await RunLedger.ReleaseAsync(connection, runId, CancellationToken.None);
        return runId;
    }

    public async Task<StagingResult> StageAsync(string inbox)
    {
        var runId = await StartRunAsync();
        await using var connection = await DataSource.OpenConnectionAsync();
        return await new InboxStager(NullLogger.Instance).StageAsync(connection, runId, inbox, CancellationToken.None);
    }

    public async Task<StagedData> LoadAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await StagedDataLoader.LoadAsync(connection, CancellationToken.None);
    }

    /// <summary>Matches everything staged, as a run does.</summary>
    public async Task<(RunInput Input, RunResult Result)> MatchStagedAsync()
    {
        var staged = await LoadAsync();
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(staged.Manifest.RuleSetOverrides);
        var asOf = staged.Manifest.AsOf ?? JobOutcomeRun.InferAsOf(staged.Employments);
        var input = new RunInput(staged.Claims, staged.Employments, staged.Reference, rules, asOf);
        return (input, JobOutcomeRun.Execute(input, new MatchingSettings()));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}

using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Postgres.Embedded;
using JotMatcher.Infrastructure.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Storage;

/// <summary>
/// Opens the database a command works in: <c>ConnectionStrings:Jot</c> when set, otherwise the embedded default
/// cluster under <c>Jot:DataFolder</c>/pg. Opening (and migrating) is retried like any other transient failure.
/// </summary>
internal sealed class DatabaseOpener(
    IConfiguration configuration,
    IOptions<StorageOptions> storage,
    IOptions<EmbeddedClusterOptions> embedded,
    IOptions<DatabaseRetryOptions> retry,
    TimeProvider clock,
    ILogger<DatabaseOpener> logger)
{
    public string? ConnectionString => configuration.GetConnectionString("Jot");

    /// <summary>Opens the database; <paramref name="scratch"/>: a new throw-away database on the same server (replays).</summary>
    public Task<JotDatabase> OpenAsync(bool scratch, CancellationToken cancellationToken)
    {
        var options = embedded.Value;
        var pipeline = DatabaseResilience.Create(retry.Value, clock, r => Log.DatabaseRetry(logger, r.FailedAttempt, r.Reason, r.Delay.TotalSeconds));
        return pipeline.ExecuteAsync(
            async ct => await JotDatabase.OpenAsync(ConnectionString, storage.Value.PseudonymKey, options, scratch, logger, ct),
            cancellationToken).AsTask();
    }
}

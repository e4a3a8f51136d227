using System.Reflection;
using Dapper;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Export;
using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Postgres.Results;
using JotMatcher.Infrastructure.Postgres.Runs;
using JotMatcher.Infrastructure.Postgres.Staging;
using JotMatcher.Infrastructure.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;

namespace JotMatcher.Host.Runs;

/// <summary>
/// The one path every run takes — nightly, an operator's month re-run, the worker, an auditor's replay:
/// stage the inbox (idempotent by checksum), load everything staged, match and award over all of it, then replace
/// the affected months in one transaction and report what changed. Each database step is one unit of work retried
/// as a whole on a transient failure; a cancelled or failed run commits nothing.
/// </summary>
internal sealed class RunService(
    IOptions<MatchingSettings> matching,
    IOptions<DatabaseRetryOptions> retry,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    /// <summary>Progress and timing names of matching's steps: this, then each of the core's step names.</summary>
    public const string MatchingStepPrefix = "matching/";

    /// <summary>Progress and timing names of storing's steps: this, then "prepare" and each of the writer's step names.</summary>
    public const string WritingStepPrefix = "writing/";

    private readonly ILogger logger = loggers.CreateLogger<RunService>();

    public static string ProgramVersion { get; } =
        typeof(RunService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<RunReport> RunAsync(JotDatabase database, RunRequest request, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        var attempts = 1;
        var pipeline = DatabaseResilience.Create(retry.Value, clock, r =>
        {
            attempts++;
            Log.DatabaseRetry(logger, r.FailedAttempt, r.Reason, r.Delay.TotalSeconds);
        });
        var ledger = new RunLedger(clock, logger);

        // The ledger connection lives as long as the run: it holds the run's advisory lock.
        await using var ledgerConnection = await pipeline.ExecuteAsync(async ct => await database.DataSource.OpenConnectionAsync(ct), cancellationToken);
        var runId = await pipeline.ExecuteAsync(async ct => await ledger.StartAsync(ledgerConnection, request.Kind, ProgramVersion, ct), cancellationToken);
        Log.RunStarted(logger, runId, request.Kind.ToString());
        progress.Begin(runId);
        try
        {
            var report = await ExecuteAsync(database, request, runId, ledger, pipeline, progress, () => attempts, cancellationToken);
            Log.RunSucceeded(logger, runId, report.Summary.Totals.RowsRead, report.Summary.Rejects, report.Summary.Outcomes,
                report.Summary.TotalPoints, report.Summary.ReviewCases, report.Summary.Referrals, string.Join(',', report.Months.Select(m => m.Month)));
            return report;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : DatabaseResilience.Describe(e);
            Log.RunFailed(logger, runId, reason);
            await RecordFailureAsync(database, ledger, runId, reason, attempts);
            throw;
        }
        finally
        {
            await ReleaseLockAsync(ledgerConnection, runId);
        }
    }

    /// <summary>
    /// Releases the run's lock. When the server restarted during the run, the ledger connection is broken and its
    /// session, with the lock, is gone already: the failure to release it must not turn a run that stored its results
    /// into "no month was changed" and exit 3 (found by Hardening/DatabaseOutageTests).
    /// </summary>
    private static async Task ReleaseLockAsync(NpgsqlConnection ledgerConnection, long runId)
    {
        try
        {
            await RunLedger.ReleaseAsync(ledgerConnection, runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (TransientDatabaseFailure.Is(e))
        {
        }
    }

    private async Task<RunReport> ExecuteAsync(
        JotDatabase database, RunRequest request, long runId, RunLedger ledger, ResiliencePipeline pipeline, RunProgress progress,
        Func<int> attempts, CancellationToken cancellationToken)
    {
        var stager = new InboxStager(logger);
        progress.Step("staging");
        var staging = await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(ct);
            return await stager.StageAsync(connection, runId, request.Inbox, ct);
        }, cancellationToken);

        progress.Step("loading");
        var staged = await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(ct);
            return await StagedDataLoader.LoadAsync(connection, staging, ct);
        }, cancellationToken);

        // Matching reports its own steps, "matching/profiles" to "matching/attribution" (the last also makes the summary).
        var input = RunInput.For(staged.Claims, staged.Employments, staged.Reference, staged.Manifest) with { FixedModelJson = request.ModelJson };
        var asOf = input.AsOf;
        var result = JobOutcomeRun.Execute(input, matching.Value, step => progress.Step(MatchingStepPrefix + step));
        cancellationToken.ThrowIfCancellationRequested();
        var exports = new ExportSet(result.Attribution.Outcomes, result.Match.Reviews, result.Attribution.Referrals,
            staged.Rejects, staged.FileCounts, result.Attribution, result.Match, result.AsOf);
        var summary = exports.Summary();

        // The export files depend only on the result in memory: they are written under temporary names on the other
        // core while the months are stored, and moved into place only once the months are committed, so a run whose
        // storing fails still leaves no new exports (the previous ones, if any, stay as they were).
        var exporting = request.OutDirectory is { } outDirectory
            ? Task.Run(() => ExportWriter.Prepare(outDirectory, exports), CancellationToken.None)
            : null;
        var writer = new MonthResultsWriter(database.Pseudonymizer, logger);
        IReadOnlyList<MonthReplacement> months;
        try
        {
            months = await pipeline.ExecuteAsync(async ct =>
            {
                // Storing is timed step by step, "writing/prepare" to "writing/commit", each try anew; the exports
                // being written meanwhile on the other core count in those steps' CPU.
                progress.Step(WritingStepPrefix + "prepare");
                await using var connection = await database.DataSource.OpenConnectionAsync(ct);
                var replaceMonths = await MonthsToReplaceAsync(connection, request, result, asOf, ct);
                return await writer.ReplaceAsync(connection, runId, replaceMonths, input, result,
                    (c, t) => ledger.SucceedAsync(c, runId, new RunRecord(replaceMonths, RuleSetVersions(result), asOf, attempts(), RunCounts.Json(summary, staging)), t),
                    step => progress.Step(WritingStepPrefix + step), ct);
            }, cancellationToken);
        }
        catch
        {
            await DiscardAsync(exporting);
            throw;
        }

        if (exporting is not null)
        {
            // What is left of the export once the months are in: the bench's "exporting" is this wait, not the whole export.
            progress.Step("exporting");
            (await exporting).Commit();
        }

        return new RunReport(runId, staging, summary, months, attempts());
    }

    /// <summary>Waits for the export being written and deletes its files; its own failure, if any, is not the run's.</summary>
    private static async Task DiscardAsync(Task<PreparedExports>? exporting)
    {
        if (exporting is null)
        {
            return;
        }

        try
        {
            (await exporting).Discard();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The export failed on its own or its files could not be deleted: the run's failure is what is reported.
        }
    }

    private static async Task<IReadOnlyList<string>> MonthsToReplaceAsync(
        NpgsqlConnection connection, RunRequest request, RunResult result, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (request.Month is not null)
        {
            return [request.Month];
        }

        var withRows = OpenMonths.WithRows(result);
        if (request.Kind == RunKind.Replay)
        {
            return [.. withRows];
        }

        var stored = await connection.QueryAsync<string>(new CommandDefinition("SELECT month FROM jot.month_result", cancellationToken: cancellationToken));
        return OpenMonths.Nightly(asOf, withRows, new HashSet<string>(stored, StringComparer.Ordinal));
    }

    private static string[] RuleSetVersions(RunResult result)
        => [.. result.Attribution.Outcomes.Select(o => o.Points.RuleSetVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    // Best effort, on a fresh connection: the run's own may be the one that broke.
    private async Task RecordFailureAsync(JotDatabase database, RunLedger ledger, long runId, string reason, int attempts)
    {
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(CancellationToken.None);
            await ledger.FailAsync(connection, runId, reason, attempts, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable: the run stays 'running' and the next run marks it abandoned.
            Log.RunFailed(logger, runId, "could not record the failure in the ledger: " + DatabaseResilience.Describe(e));
        }
    }
}

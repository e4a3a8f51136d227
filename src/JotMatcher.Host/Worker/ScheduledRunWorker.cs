using Cronos;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Postgres.Runs;
using JotMatcher.Infrastructure.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Worker;

/// <summary>
/// <c>jot worker</c>: runs the nightly run on the cron schedule of <c>Jot:Worker:Schedule</c> until stopped. It keeps
/// the database (and the embedded cluster) open for its whole life. On SIGTERM the stopping token cancels a run in
/// progress; its transaction is never committed, so no month is half-written. A failed run is logged and the
/// next one runs on schedule.
/// </summary>
internal sealed class ScheduledRunWorker(
    DatabaseOpener opener,
    RunService runs,
    IOptions<WorkerOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<ScheduledRunWorker> logger) : BackgroundService
{
    /// <summary>Runs completed (successfully or not) since the worker started; for tests and the stop message.</summary>
    public int RunsCompleted { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.Value.Schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var inbox = Path.GetFullPath(storage.Value.Inbox);
        await using var database = await opener.OpenAsync(scratch: false, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = schedule.GetNextOccurrence(clock.GetUtcNow(), zone);
                if (next is null)
                {
                    return; // a schedule with no future occurrence
                }

                Log.WorkerNextRun(logger, next.Value);
                var wait = next.Value - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                await RunOnceAsync(database, inbox, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.WorkerStopping(logger);
        }
    }

    private async Task RunOnceAsync(JotDatabase database, string inbox, CancellationToken stoppingToken)
    {
        try
        {
            using var progress = new LogOnlyProgress(logger, clock);
            await runs.RunAsync(database, new RunRequest(RunKind.Nightly, inbox, null, null), progress.Progress, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // RunService has logged the failure and recorded it in the ledger; the worker lives on to the next slot.
            Log.WorkerRunFailed(logger, DatabaseResilience.Describe(e));
        }
        finally
        {
            RunsCompleted++;
        }
    }

    /// <summary>The worker has no terminal to draw on: progress as log lines.</summary>
    private sealed class LogOnlyProgress(ILogger logger, TimeProvider clock) : IDisposable
    {
        public RunProgress Progress { get; } = RunProgress.LogLinesFor(logger, clock);

        public void Dispose() => (Progress as IDisposable)?.Dispose();
    }
}

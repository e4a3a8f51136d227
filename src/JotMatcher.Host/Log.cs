using Microsoft.Extensions.Logging;

namespace JotMatcher.Host;

/// <summary>The program's log lines (storage, runs, worker): counts, ids, months and file names — never personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Warning, "Database failure on attempt {Attempt} ({Reason}); retrying in {DelaySeconds:0.0} s")]
    public static partial void DatabaseRetry(ILogger logger, int attempt, string reason, double delaySeconds);

    [LoggerMessage(5010, LogLevel.Information, "Run {RunId} ({Kind}) started")]
    public static partial void RunStarted(ILogger logger, long runId, string kind);

    [LoggerMessage(5011, LogLevel.Information, "Run {RunId}: {Step}")]
    public static partial void RunStep(ILogger logger, long runId, string step);

    [LoggerMessage(5012, LogLevel.Information, "Run {RunId}: still {Step} after {Seconds} s")]
    public static partial void RunStillWorking(ILogger logger, long runId, string step, long seconds);

    [LoggerMessage(5013, LogLevel.Information, "Run {RunId} succeeded: {Rows} rows read, {Rejected} rejected, {Outcomes} outcomes, {Points} points, {Reviews} review cases, {Referrals} referrals, months {Months}")]
    public static partial void RunSucceeded(ILogger logger, long runId, long rows, long rejected, int outcomes, int points, int reviews, int referrals, string months);

    [LoggerMessage(5014, LogLevel.Error, "Run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, long runId, string reason);

    [LoggerMessage(5015, LogLevel.Information, "Replay finished: {Outcomes} outcomes, {Reviews} review cases, {Referrals} referrals, {Rejects} rejected rows")]
    public static partial void ReplayFinished(ILogger logger, int outcomes, int reviews, int referrals, int rejects);

    [LoggerMessage(5020, LogLevel.Information, "Worker: next run at {Next:yyyy-MM-dd HH:mm:ss zzz}")]
    public static partial void WorkerNextRun(ILogger logger, DateTimeOffset next);

    [LoggerMessage(5021, LogLevel.Information, "Worker stopping; a run in progress is rolled back")]
    public static partial void WorkerStopping(ILogger logger);

    [LoggerMessage(5022, LogLevel.Error, "Worker: the scheduled run failed ({Reason}); the next one runs on schedule")]
    public static partial void WorkerRunFailed(ILogger logger, string reason);
}

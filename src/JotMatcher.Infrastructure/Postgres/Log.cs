using Microsoft.Extensions.Logging;

namespace JotMatcher.Infrastructure.Postgres;

/// <summary>Storage log lines: counts, ids, file names and folders only — never a NINo, name, date of birth or the pseudonym key.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Embedded PostgreSQL cluster started in {Folder}")]
    public static partial void EmbeddedClusterStarted(ILogger logger, string folder);

    [LoggerMessage(4002, LogLevel.Information, "Embedded PostgreSQL cluster already running in {Folder}; joining it")]
    public static partial void EmbeddedClusterJoined(ILogger logger, string folder);

    [LoggerMessage(4003, LogLevel.Information, "Embedded PostgreSQL cluster in {Folder} stopped")]
    public static partial void EmbeddedClusterStopped(ILogger logger, string folder);

    [LoggerMessage(4004, LogLevel.Warning, "Embedded PostgreSQL cluster in {Folder} did not stop (pg_ctl exit code {ExitCode}); the next run will reuse it")]
    public static partial void EmbeddedClusterStopFailed(ILogger logger, string folder, int exitCode);

    [LoggerMessage(4010, LogLevel.Information, "Schema migrated to version {Version} (applied {Applied})")]
    public static partial void SchemaMigrated(ILogger logger, int version, string applied);

    [LoggerMessage(4020, LogLevel.Information, "Staged {Kind} file {File} version {Version}: {Accepted} rows accepted, {Rejected} rejected")]
    public static partial void FileStaged(ILogger logger, string kind, string file, int version, long accepted, long rejected);

    [LoggerMessage(4021, LogLevel.Information, "{Kind} file {File} unchanged since it was staged; not staged again")]
    public static partial void FileUnchanged(ILogger logger, string kind, string file);

    [LoggerMessage(4030, LogLevel.Information, "Month {Month} is being written by another run; waiting for it to finish")]
    public static partial void WaitingForMonth(ILogger logger, string month);

    [LoggerMessage(4031, LogLevel.Information, "Run {RunId}: replaced months {Months}: {Outcomes} outcomes, {Reviews} review cases, {Referrals} referrals")]
    public static partial void MonthsReplaced(ILogger logger, long runId, string months, int outcomes, int reviews, int referrals);

    [LoggerMessage(4040, LogLevel.Warning, "Run {RunId} was left running by a process that is gone; marked abandoned")]
    public static partial void RunAbandoned(ILogger logger, long runId);
}

namespace JotMatcher.Host.Worker;

/// <summary>The nightly worker (section <c>Jot:Worker</c>).</summary>
internal sealed class WorkerOptions
{
    public const string SectionName = "Jot:Worker";

    /// <summary>Cron expression (5 fields, Cronos syntax) of the runs, in <see cref="TimeZone"/>. Default <c>0 2 * * *</c>: 02:00 every day.</summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>Time zone id of the schedule; default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";
}

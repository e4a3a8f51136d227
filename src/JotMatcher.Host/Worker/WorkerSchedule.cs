using Cronos;

namespace JotMatcher.Host.Worker;

/// <summary>Cron expressions of <c>Jot:Worker:Schedule</c>: the usual five fields, or six with seconds first.</summary>
internal static class WorkerSchedule
{
    public static CronExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}

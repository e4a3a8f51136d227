using Cronos;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Worker;

/// <summary>A schedule that does not parse, or an unknown time zone, stops the worker at start-up naming the setting.</summary>
internal sealed class WorkerOptionsValidation : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var failures = new List<string>();
        try
        {
            CronExpression.Parse(options.Schedule);
        }
        catch (CronFormatException)
        {
            failures.Add("Jot:Worker:Schedule is not a cron expression (5 fields, e.g. \"0 2 * * *\").");
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            failures.Add("Jot:Worker:TimeZone is not a known time zone id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

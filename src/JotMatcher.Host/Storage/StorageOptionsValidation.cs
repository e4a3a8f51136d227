using System.Text.RegularExpressions;
using JotMatcher.Infrastructure.Postgres.Embedded;
using JotMatcher.Infrastructure.Resilience;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Storage;

/// <summary>Start-up checks of the embedded cluster's settings, naming the setting at fault.</summary>
internal sealed partial class EmbeddedClusterOptionsValidation : IValidateOptions<EmbeddedClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedClusterOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1024 or > 65535)
        {
            failures.Add("Jot:Embedded:Port must be between 1024 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.ServerUser))
        {
            failures.Add("Jot:Embedded:ServerUser must not be empty.");
        }

        if (!DatabaseName().IsMatch(options.Database))
        {
            failures.Add("Jot:Embedded:Database must be a lower-case identifier (letters, digits, underscore).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}

/// <summary>Start-up checks of the retry bound: a retry policy that never stops, or never waits, is a mistake.</summary>
internal sealed class DatabaseRetryOptionsValidation : IValidateOptions<DatabaseRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseRetryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add("Jot:Database:Retry:MaxRetryAttempts must be between 0 and 100.");
        }

        if (options.BaseDelay <= TimeSpan.Zero || options.BaseDelay > TimeSpan.FromMinutes(10))
        {
            failures.Add("Jot:Database:Retry:BaseDelay must be above 0 and at most 10 minutes.");
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > TimeSpan.FromMinutes(30))
        {
            failures.Add("Jot:Database:Retry:MaxDelay must be at least BaseDelay and at most 30 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace JotMatcher.Infrastructure.Resilience;

/// <summary>
/// How transient PostgreSQL failures are retried (section <c>Jot:Database:Retry</c>). Defaults: 6 attempts in all
/// (5 retries), exponential delays from 1 s doubling up to 10 s, with jitter — about 25 s of waiting before the run
/// gives up with exit code 3.
/// </summary>
public sealed class DatabaseRetryOptions
{
    public const string SectionName = "Jot:Database:Retry";

    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first delay; each next one doubles. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No delay is longer than this. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}

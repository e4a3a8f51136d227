using Npgsql;
using Polly;
using Polly.Retry;

namespace JotMatcher.Infrastructure.Resilience;

/// <summary>
/// The retry pipeline around every unit of database work. A unit is a whole transaction (a month replacement,
/// a staging batch), so a retry starts it again from the beginning and never continues half of one.
/// </summary>
public static class DatabaseResilience
{
    /// <summary>Builds the pipeline; <paramref name="onRetry"/> hears of each retry (attempt number, delay, SQLSTATE or exception type).</summary>
    public static ResiliencePipeline Create(DatabaseRetryOptions options, TimeProvider timeProvider, Action<DatabaseRetry>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientDatabaseFailure.Is),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args =>
                {
                    // A restarted server leaves dead connections in the pool; the next attempt must not pick one up.
                    NpgsqlConnection.ClearAllPools();
                    onRetry?.Invoke(new DatabaseRetry(args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome.Exception)));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>What failed, without the message text (which can quote a value): SQLSTATE or the exception type.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        PostgresException pg => "SQLSTATE " + pg.SqlState,
        NpgsqlException { InnerException: { } inner } => "connection failure (" + inner.GetType().Name + ")",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}

/// <summary>One retry about to happen: the attempt that failed (1-based), the delay before the next, and why.</summary>
public readonly record struct DatabaseRetry(int FailedAttempt, TimeSpan Delay, string Reason);

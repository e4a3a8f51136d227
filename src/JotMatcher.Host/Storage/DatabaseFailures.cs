using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Resilience;
using Npgsql;

namespace JotMatcher.Host.Storage;

/// <summary>
/// Turns the failures a database command can end with into a clear console message and exit code 3 (SPEC §5):
/// what went wrong, that nothing half-written remains, and where to read on. Messages never quote data.
/// </summary>
internal static class DatabaseFailures
{
    /// <summary>The exit code for <paramref name="e"/> after printing its message, or null when it is not a database failure.</summary>
    public static int? Report(string command, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e switch
        {
            SchemaTooNewException tooNew => tooNew.Message,
            _ when TransientDatabaseFailure.Is(e) =>
                $"the database stayed unavailable through every retry ({DatabaseResilience.Describe(e)}); no month was changed — re-run when it is back",
            PostgresException pg => $"the database refused the work ({DatabaseResilience.Describe(pg)}); no month was changed",
            NpgsqlException npgsql => $"database failure ({DatabaseResilience.Describe(npgsql)}); no month was changed",
            OperationCanceledException => "cancelled; no month was changed",
            StorageSetupException setup => setup.Message,
            _ => null,
        };
        if (message is null)
        {
            return null;
        }

        Console.Error.WriteLine($"jot {command}: {message}. See docs/operations.md.");
        return ExitCodes.Failure;
    }
}

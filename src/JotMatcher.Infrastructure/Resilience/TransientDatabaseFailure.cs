using System.Net.Sockets;
using Npgsql;

namespace JotMatcher.Infrastructure.Resilience;

/// <summary>
/// Which PostgreSQL failures are worth retrying: the server was unreachable, restarting or shut the session
/// (connection refused or reset, SQLSTATE class 08, 57P01–57P03), or the transaction lost a race
/// (serialization failure 40001, deadlock 40P01). Anything else — bad SQL, a constraint, a full disk — fails at once.
/// </summary>
public static class TransientDatabaseFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException pg => IsTransientState(pg.SqlState) || pg.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or EndOfStreamException,
        SocketException => true,
        _ => false,
    };

    private static bool IsTransientState(string sqlState)
        => sqlState.StartsWith("08", StringComparison.Ordinal)
           || sqlState is PostgresErrorCodes.SerializationFailure
               or PostgresErrorCodes.DeadlockDetected
               or PostgresErrorCodes.AdminShutdown
               or PostgresErrorCodes.CrashShutdown
               or PostgresErrorCodes.CannotConnectNow
               or PostgresErrorCodes.TooManyConnections;
}

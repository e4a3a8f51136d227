using System.Reflection;
using Dapper;
using Npgsql;

namespace JotMatcher.Infrastructure.Postgres;

/// <summary>
/// Applies the numbered SQL migrations embedded in this assembly (<c>Postgres/Migrations/NNN_name.sql</c>) that the
/// database has not seen, each in its own transaction with its row in <c>jot.schema_version</c>, under an advisory
/// lock so two processes starting at once do not both apply one. A database whose schema is newer than this
/// program knows is refused: an older program must not write into tables whose meaning it does not know.
/// </summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "Migrations.";

    // Advisory lock key (namespace, key): see AdvisoryLocks.
    private const string Bootstrap = """
        CREATE SCHEMA IF NOT EXISTS jot;
        CREATE TABLE IF NOT EXISTS jot.schema_version (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now());
        """;

    /// <summary>The migrations this program carries, in version order.</summary>
    public static IReadOnlyList<Migration> Known { get; } = LoadEmbedded();

    /// <summary>The newest schema version this program knows.</summary>
    public static int LatestVersion => Known[^1].Version;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>; returns the versions applied now.</summary>
    /// <exception cref="SchemaTooNewException">the database's schema is newer than this program.</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@ns, 0)", new { ns = AdvisoryLocks.Migration }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(Bootstrap, transaction: tx, cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(max(version), 0) FROM jot.schema_version", transaction: tx, cancellationToken: cancellationToken));
        if (current > LatestVersion)
        {
            throw new SchemaTooNewException(current, LatestVersion);
        }

        var applied = new List<int>();
        foreach (var migration in Known)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO jot.schema_version (version, name) VALUES (@version, @name)",
                new { version = migration.Version, name = migration.Name }, tx, cancellationToken: cancellationToken));
            applied.Add(migration.Version);
        }

        await tx.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The schema version the database is at (0 when JotMatcher never ran there).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('jot.schema_version') IS NOT NULL", cancellationToken: cancellationToken));
        return exists
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT coalesce(max(version), 0) FROM jot.schema_version", cancellationToken: cancellationToken))
            : 0;
    }

    private static Migration[] LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration resource '{resource}' is not named NNN_name.sql");
            }

            migrations.Add(new Migration(version, name, Read(assembly, resource)));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Name}");
            }
        }

        return [.. migrations];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One embedded migration: its version (the file's number), name and SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>The database was migrated by a newer JotMatcher; this one refuses to touch it.</summary>
public sealed class SchemaTooNewException(int databaseVersion, int programVersion)
    : Exception($"the database schema is at version {databaseVersion}, newer than this program knows ({programVersion}); upgrade JotMatcher before running it against this database")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int ProgramVersion { get; } = programVersion;
}

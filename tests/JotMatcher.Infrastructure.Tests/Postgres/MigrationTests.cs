using Dapper;
using JotMatcher.Infrastructure.Postgres;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>Versioned migrations applied from an empty database, idempotently, and a newer schema refused.</summary>
public sealed class MigrationTests
{
    [Test]
    public async Task Migrating_an_empty_database_applies_every_version_and_creates_the_schema()
    {
        await using var database = await StorageTestDatabase.CreateAsync(migrate: false);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.That(await SchemaMigrator.CurrentVersionAsync(connection, CancellationToken.None), Is.Zero);

        var applied = await SchemaMigrator.MigrateAsync(connection, CancellationToken.None);

        var tables = (await connection.QueryAsync<string>(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('jot', 'reporting') ORDER BY 1")).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(applied, Is.EqualTo(Enumerable.Range(1, SchemaMigrator.LatestVersion)));
            Assert.That(await SchemaMigrator.CurrentVersionAsync(connection, CancellationToken.None), Is.EqualTo(SchemaMigrator.LatestVersion));
            Assert.That(tables, Is.SupersetOf(new[]
            {
                "jot.run", "jot.input_file", "jot.staged_claim", "jot.staged_hmrc", "jot.staged_reject", "jot.outcome",
                "jot.review_case", "jot.referral", "jot.evidence", "jot.match_link", "jot.month_result", "jot.schema_version",
                "reporting.points_by_month", "reporting.year_to_date", "reporting.match_rates",
            }));
        });
    }

    [Test]
    public async Task Migrating_again_applies_nothing()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var applied = await SchemaMigrator.MigrateAsync(connection, CancellationToken.None);
        var rows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM jot.schema_version");

        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.Empty);
            Assert.That(rows, Is.EqualTo(SchemaMigrator.LatestVersion));
        });
    }

    [Test]
    public async Task A_database_migrated_by_a_newer_program_is_refused()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var newer = SchemaMigrator.LatestVersion + 1;
        await connection.ExecuteAsync("INSERT INTO jot.schema_version (version, name) VALUES (@newer, 'from_the_future')", new { newer });

        var refused = Assert.ThrowsAsync<SchemaTooNewException>(() => SchemaMigrator.MigrateAsync(connection, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.DatabaseVersion, Is.EqualTo(newer));
            Assert.That(refused.Message, Does.Contain("newer than this program knows"));
        });
    }

    [Test]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
        => Assert.That(SchemaMigrator.Known.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, SchemaMigrator.Known.Count)));
}

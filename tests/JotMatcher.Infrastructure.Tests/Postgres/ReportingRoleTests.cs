using Dapper;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Postgres.Results;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>SPEC §7: the reporting role reads the views and nothing else; the views carry a keyed pseudonym, never the NINo.</summary>
public sealed class ReportingRoleTests
{
    private StorageTestDatabase database = null!;

    [OneTimeSetUp]
    public async Task StoreTheBasicSample()
    {
        database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var months = result.Attribution.Outcomes.Select(o => o.EmploymentMonth).Distinct().ToArray();
        var runId = await database.StartRunAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await new MonthResultsWriter(StorageTestDatabase.Pseudonymizer, NullLogger.Instance)
            .ReplaceAsync(connection, runId, months, input, result, (_, _) => Task.CompletedTask, static _ => { }, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await database.DisposeAsync();

    [TestCase("reporting.outcomes")]
    [TestCase("reporting.points_by_month")]
    [TestCase("reporting.year_to_date")]
    [TestCase("reporting.year_to_date_by_group")]
    [TestCase("reporting.month_vs_profile")]
    [TestCase("reporting.match_rates")]
    public async Task The_reporting_role_reads_each_view(string view)
    {
        var rows = await AsReportingRoleAsync(c => c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {view}"));

        Assert.That(rows, Is.Positive);
    }

    [TestCase("jot.staged_claim")]
    [TestCase("jot.staged_hmrc")]
    [TestCase("jot.outcome")]
    [TestCase("jot.review_case")]
    [TestCase("jot.referral")]
    [TestCase("jot.evidence")]
    [TestCase("jot.run")]
    [TestCase("jot.input_file")]
    public void The_reporting_role_is_refused_the_raw_tables(string table)
    {
        var refused = Assert.ThrowsAsync<PostgresException>(() => AsReportingRoleAsync(c => c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}")));

        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
    }

    [Test]
    public void The_reporting_role_cannot_create_objects_in_the_reporting_schema()
    {
        var refused = Assert.ThrowsAsync<PostgresException>(() => AsReportingRoleAsync(c => c.ExecuteAsync("CREATE TABLE reporting.mine (x int)")));

        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
    }

    [Test]
    public async Task No_reporting_view_has_a_nino_name_or_date_of_birth_column()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var columns = (await connection.QueryAsync<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'reporting'")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(columns, Does.Contain("nino_pseudonym"));
            Assert.That(columns, Has.None.Matches<string>(c => c is "nino" or "surname" or "forenames" or "date_of_birth"));
        });
    }

    [Test]
    public async Task The_views_carry_the_keyed_pseudonym_and_never_the_nino()
    {
        var staged = await database.LoadAsync();
        var ninos = staged.Claims.Select(c => c.Nino).Where(n => n.Normalised.Length > 0).ToList();
        var rows = (await AsReportingRoleAsync(c => c.QueryAsync<(string ClaimId, string? Pseudonym)>(
            "SELECT claim_id, nino_pseudonym FROM reporting.outcomes"))).ToList();

        var claims = staged.Claims.ToDictionary(c => c.ClaimId);
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.Not.Empty);
            foreach (var (claimId, pseudonym) in rows)
            {
                Assert.That(pseudonym, Is.EqualTo(StorageTestDatabase.Pseudonymizer.Pseudonym(claims[claimId].Nino)));
                Assert.That(ninos.Select(n => n.Normalised), Has.None.EqualTo(pseudonym));
            }
        });
    }

    private async Task<T> AsReportingRoleAsync<T>(Func<NpgsqlConnection, Task<T>> query)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL ROLE jot_reporting");
        return await query(connection);
    }
}

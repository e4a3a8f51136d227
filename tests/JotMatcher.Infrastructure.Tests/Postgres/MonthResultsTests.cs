using Dapper;
using JotMatcher.Core.Runs;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Postgres;
using JotMatcher.Infrastructure.Postgres.Results;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>Whole-month replacement: the change report, "no change" on a repeat, and two writers of one month serialised.</summary>
public sealed class MonthResultsTests
{
    private static readonly MonthResultsWriter Writer = new(StorageTestDatabase.Pseudonymizer, NullLogger.Instance);

    [Test]
    public async Task Replacing_a_month_with_the_same_result_reports_no_change()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var month = result.Attribution.Outcomes[0].EmploymentMonth;

        var first = await ReplaceAsync(database, [month], input, result);
        var second = await ReplaceAsync(database, [month], input, result);

        Assert.Multiple(() =>
        {
            Assert.That(first.Single().FirstRun, Is.True);
            Assert.That(first.Single().Outcomes, Is.EqualTo(result.Attribution.Outcomes.Count(o => o.EmploymentMonth == month)));
            Assert.That(second.Single().FirstRun, Is.False);
            Assert.That(second.Single().Unchanged, Is.True);
            Assert.That(second.Single().Changes, Is.Empty);
        });
    }

    [Test]
    public async Task Replacing_reports_each_step_once_in_order()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var steps = new List<string>();

        await ReplaceAsync(database, [result.Attribution.Outcomes[0].EmploymentMonth], input, result, steps: steps);

        Assert.That(steps, Is.EqualTo(new[] { "outcomes", "evidence", "links", "commit" }));
    }

    [Test]
    public async Task An_outcome_lost_since_the_previous_run_is_reported_by_district_and_group()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var lost = result.Attribution.Outcomes.OrderBy(o => o.HmrcId.ToString(), StringComparer.Ordinal).First();
        var month = lost.EmploymentMonth;
        await ReplaceAsync(database, [month], input, result);

        // The same data without the lost outcome's HMRC record: as if HMRC withdrew the notification.
        var without = input with { Employments = [.. input.Employments.Where(e => e.HmrcId != lost.HmrcId)] };
        var rerun = JobOutcomeRun.Execute(without, new Core.Matching.MatchingSettings());
        var replaced = (await ReplaceAsync(database, [month], without, rerun)).Single();

        var change = replaced.Changes.Single(c => c.DistrictCode == lost.Spell.DistrictCode && c.PriorityGroup == (int)lost.Points.Group);
        Assert.Multiple(() =>
        {
            Assert.That(replaced.Unchanged, Is.False);
            Assert.That(change.OutcomesLost, Is.EqualTo(1));
            Assert.That(change.PointsLost, Is.EqualTo(lost.Points.TotalPoints));
            Assert.That(change.OutcomesGained, Is.Zero);
            Assert.That(replaced.Outcomes, Is.EqualTo(rerun.Attribution.Outcomes.Count(o => o.EmploymentMonth == month)));
        });
    }

    [Test]
    public async Task A_second_writer_of_a_month_waits_for_the_first_and_results_never_interleave()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var month = result.Attribution.Outcomes[0].EmploymentMonth;

        // Another run holds the month: this test's session takes the month's advisory lock.
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_lock(@ns, @key)", new { ns = AdvisoryLocks.Month, key = AdvisoryLocks.MonthKey(month) });
        var waiting = ReplaceAsync(database, [month], input, result, applicationName: "jot-waiting-writer");
        await WaitUntilBlockedOnAdvisoryLockAsync(holder, "jot-waiting-writer");
        var rowsWhileWaiting = await holder.ExecuteScalarAsync<long>("SELECT count(*) FROM jot.outcome WHERE month = @month", new { month });

        await holder.ExecuteAsync("SELECT pg_advisory_unlock(@ns, @key)", new { ns = AdvisoryLocks.Month, key = AdvisoryLocks.MonthKey(month) });
        var replaced = await waiting;

        Assert.Multiple(async () =>
        {
            Assert.That(rowsWhileWaiting, Is.Zero);
            Assert.That(replaced.Single().FirstRun, Is.True);
            Assert.That(await holder.ExecuteScalarAsync<long>("SELECT count(*) FROM jot.outcome WHERE month = @month", new { month }),
                Is.EqualTo(replaced.Single().Outcomes));
        });
    }

    /// <summary>
    /// Months with no outcomes before get their change report from the rows in memory, not from the SQL that pairs
    /// old and new rows: it must be what that SQL gives with nothing to pair, every outcome gained where it is stored.
    /// </summary>
    [Test]
    public async Task A_first_runs_change_report_counts_every_stored_outcome_as_gained_by_district_and_group()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(SampleDatasets.PathOf("basic"));
        var (input, result) = await database.MatchStagedAsync();
        var months = result.Attribution.Outcomes.Select(o => o.EmploymentMonth).Distinct().Order(StringComparer.Ordinal).ToArray();

        var replaced = await ReplaceAsync(database, months, input, result);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<MonthChange>("""
            SELECT month AS Month, district_code AS DistrictCode, priority_group::int AS PriorityGroup,
                   count(*)::bigint AS OutcomesGained, 0::bigint AS OutcomesLost, sum(total_points)::bigint AS PointsGained, 0::bigint AS PointsLost
            FROM jot.outcome GROUP BY month, district_code, priority_group ORDER BY month, district_code COLLATE "C", priority_group
            """)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(replaced.SelectMany(r => r.Changes), Is.EqualTo(stored));
            Assert.That(stored.Select(c => c.DistrictCode).Distinct().Count(), Is.GreaterThan(1), "more than one district (else the order is not tested)");
            Assert.That(replaced.All(r => r.FirstRun), Is.True);
        });
    }

    private static async Task WaitUntilBlockedOnAdvisoryLockAsync(NpgsqlConnection observer, string applicationName)
    {
        while (!await observer.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = @applicationName AND wait_event_type = 'Lock' AND wait_event = 'advisory')",
            new { applicationName }))
        {
            await Task.Delay(20);
        }
    }

    private static async Task<IReadOnlyList<MonthReplacement>> ReplaceAsync(
        StorageTestDatabase database, string[] months, RunInput input, RunResult result, string applicationName = "jot-test", List<string>? steps = null)
    {
        var runId = await database.StartRunAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await Writer.ReplaceAsync(connection, runId, months, input, result, (_, _) => Task.CompletedTask, step => steps?.Add(step), CancellationToken.None);
    }
}

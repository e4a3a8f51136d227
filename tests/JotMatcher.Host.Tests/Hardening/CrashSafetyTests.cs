using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Host.Tests.Storage;
using Npgsql;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// Issue 7, crash safety: the real program killed with SIGKILL (no chance to clean up) at points spread over a run —
/// while starting and migrating, staging, loading, matching, writing results — 20 times over, re-run after each.
/// After every kill the stored results are whole (those of no run yet, or those of the clean run, never a mix), and
/// the final results equal a clean, uninterrupted run's.
/// </summary>
[NonParallelizable]
public sealed class CrashSafetyTests
{
    private const int Kills = 20;

    /// <summary>
    /// Where kills are aimed: a random delay (up to the bound, in ms) after the start, or after the run reports a step.
    /// The bounds reach past the step's end now and then, so some runs finish and later kills hit re-runs of a
    /// database that already holds results.
    /// </summary>
    private static readonly (string? Step, int MaxDelay)[] KillPoints =
    [
        (null, 2500), ("staging", 600), ("loading", 600), ("matching", 2000), ("writing", 2500),
    ];

    [Test]
    public async Task Twenty_kill_9s_at_spread_points_then_a_rerun_leave_exactly_the_clean_runs_results()
    {
        var inbox = SampleDatasets.PathOf("basic");
        string clean;
        await using (var reference = await JotDatabaseUnderTest.CreateAsync())
        {
            var run = await reference.JotAsync("run", "--inbox", inbox);
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            clean = await reference.ResultsDigestAsync();
        }

        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var random = new Random(20070401);
        var killed = 0;
        var finished = 0;
        var states = new List<string>();
        for (var attempt = 0; killed < Kills; attempt++)
        {
            Assert.That(attempt, Is.LessThan(Kills * 4), $"only {killed} of {attempt} runs could be killed before they finished");
            var (point, maxDelay) = KillPoints[attempt % KillPoints.Length];
            var delay = TimeSpan.FromMilliseconds(random.Next(maxDelay));
            if (await RunAndKillAsync(database, inbox, point, delay))
            {
                killed++;
            }
            else
            {
                finished++;
            }

            // Whole results only: nothing stored yet, or exactly the clean run's.
            var state = await DigestOrNoneAsync(database);
            states.Add(state == clean ? "clean" : state);
            Assert.That(state, Is.EqualTo(clean).Or.EqualTo(NoResults), $"after {killed} kills (last at {point ?? "start"} + {delay.TotalMilliseconds} ms) the results are half-written");
        }

        var final = await database.JotAsync("run", "--inbox", inbox);

        TestContext.Out.WriteLine($"crash safety: {killed} runs killed with SIGKILL, {finished} finished before their kill point; states after each: {string.Join(", ", states)}");
        Assert.Multiple(async () =>
        {
            Assert.That(final.ExitCode, Is.Zero, final.ToString);
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(clean));
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.run WHERE status = 'running'"), Is.Zero, "a killed run was not marked abandoned");
        });
    }

    private const string NoResults = "no results";

    /// <summary>Starts a run and kills it at the point; false when it finished first (then it must have succeeded).</summary>
    private static async Task<bool> RunAndKillAsync(JotDatabaseUnderTest database, string inbox, string? step, TimeSpan delay)
    {
        using var run = new ObservedRun(database.Environment(), "run", "--inbox", inbox);
        if (step is not null)
        {
            await run.WaitForLineAsync(": " + step);
        }

        await run.WaitAsync(delay);
        if (!run.HasExited)
        {
            await run.KillAsync();
            return true;
        }

        Assert.That(await run.ExitAsync(), Is.Zero, $"a run that was not killed failed:\n{run}");
        return false;
    }

    private static async Task<string> DigestOrNoneAsync(JotDatabaseUnderTest database)
    {
        try
        {
            var digest = await database.ResultsDigestAsync();
            // Staged files may stay from a run killed after staging (staging commits on its own); results may not.
            var results = await database.QueryScalarAsync<long>("""
                SELECT (SELECT count(*) FROM jot.month_result) + (SELECT count(*) FROM jot.outcome) + (SELECT count(*) FROM jot.review_case)
                     + (SELECT count(*) FROM jot.referral) + (SELECT count(*) FROM jot.evidence) + (SELECT count(*) FROM jot.match_link)
                """);
            return results == 0 ? NoResults : digest;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return NoResults; // killed before the schema was created
        }
    }
}

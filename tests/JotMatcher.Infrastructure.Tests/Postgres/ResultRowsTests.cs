using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Core.Synthetic;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Postgres.Results;
using JotMatcher.Infrastructure.Synthetic;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>
/// The rows the month writer stores, grouped by month and merged by hmrc_id (the order of the tables' keys), against
/// the plain way of listing them: every row of a month being replaced, once, in (month, hmrc_id) order.
/// </summary>
public sealed class ResultRowsTests
{
    private static string _root = "";
    private static RunInput _input = null!;
    private static RunResult _result = null!;

    [OneTimeSetUp]
    public static void MatchASyntheticDataset()
    {
        _root = Directory.CreateTempSubdirectory("jot-result-rows-").FullName;
        var rules = RuleSetCatalog.LoadBundled();
        var directory = Path.Combine(_root, "dataset");
        SyntheticDatasetWriter.Write(new SyntheticGenerator(new SyntheticOptions { People = 6_000, Seed = 5 }, rules), directory, legacyFormat: false);
        var dataset = DatasetReader.ReadDataset(directory);
        _input = new RunInput(dataset.Claims, dataset.Employments, dataset.Reference, rules.WithOverrides(dataset.Manifest.RuleSetOverrides),
            JobOutcomeRun.InferAsOf(dataset.Employments));
        _result = JobOutcomeRun.Execute(_input, new MatchingSettings { RandomPairSamples = 10_000 });
    }

    [OneTimeTearDown]
    public static void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Rows_are_every_row_of_the_months_replaced_once_in_the_order_of_month_then_hmrc_id(int seed)
    {
        var attribution = _result.Attribution;
        var allMonths = attribution.Outcomes.Select(o => o.Link).Concat(attribution.MatchedNoOutcome)
            .Select(Month).Distinct().Order(StringComparer.Ordinal).ToArray();
        // Some months only, as a run of the open months replaces them.
        var random = new Random(seed);
        var months = allMonths.Where(_ => random.Next(3) > 0).ToArray();
        var wanted = months.ToHashSet(StringComparer.Ordinal);

        var rows = ResultRows.For(months, _input, _result);

        var expectedLinks = attribution.Outcomes.Select(o => (Link: o.Link, Disposition: "outcome"))
            .Concat(attribution.Referrals.Select(r => (Link: r.Link, Disposition: "referral")))
            .Concat(attribution.MatchedNotCredited.Select(l => (Link: l, Disposition: "not_credited")))
            .Concat(attribution.MatchedNoOutcome.Select(l => (Link: l, Disposition: "no_outcome")))
            .Where(l => wanted.Contains(Month(l.Link)))
            .OrderBy(l => Month(l.Link), StringComparer.Ordinal).ThenBy(l => l.Link.Employment.HmrcId.ToString(), StringComparer.Ordinal)
            .Select(l => (Month(l.Link), l.Link, l.Disposition))
            .ToList();
        var expectedOutcomes = attribution.Outcomes.Where(o => wanted.Contains(o.EmploymentMonth))
            .OrderBy(o => o.EmploymentMonth, StringComparer.Ordinal).Select(o => new InMonth<Core.Attribution.JobOutcome>(o.EmploymentMonth, o)).ToList();
        var expectedReferrals = attribution.Referrals.Where(r => wanted.Contains(Month(r.Link)))
            .OrderBy(r => Month(r.Link), StringComparer.Ordinal).Select(r => new InMonth<Core.Attribution.Referral>(Month(r.Link), r)).ToList();
        var links = rows.Links.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(links, Is.EqualTo(expectedLinks));
            Assert.That(rows.Outcomes.Rows, Is.EqualTo(expectedOutcomes));
            Assert.That(rows.Referrals.Rows, Is.EqualTo(expectedReferrals));
            for (var m = 0; m < months.Length; m++)
            {
                Assert.That(rows.Outcomes.Of(m).All(o => o.Month == months[m]), Is.True, months[m]);
                Assert.That(rows.Tallies[months[m]].Outcomes, Is.EqualTo(rows.Outcomes.Of(m).Count));
                Assert.That(rows.HmrcRecords.GetValueOrDefault(months[m]), Is.EqualTo(_input.Employments.Count(e => Month(e.EmploymentStart) == months[m])));
            }

            // Every list took part, in more than one month (else the merge is not tested).
            Assert.That(links.Select(l => l.Disposition).Distinct().Count(), Is.EqualTo(4));
            Assert.That(months, Has.Length.GreaterThan(1).And.Length.LessThan(allMonths.Length));
        });
    }

    // A replay's throw-away tables have no primary keys: the rows are checked to be one per key as they are grouped
    // (outcomes, referrals) and merged (links), so a duplicate stops the write rather than being stored twice.
    [Test]
    public void An_outcome_listed_twice_stops_the_write()
    {
        var outcomes = _result.Attribution.Outcomes;
        var twice = outcomes.Take(5).Append(outcomes[4]).Concat(outcomes.Skip(5)).ToList();
        var result = _result with { Attribution = _result.Attribution with { Outcomes = twice } };
        var month = outcomes[4].EmploymentMonth;

        var error = Assert.Throws<InvalidOperationException>(() => ResultRows.For([month], _input, result));
        Assert.That(error!.Message, Does.Contain("outcome").And.Contain(month));
    }

    [Test]
    public void A_referral_out_of_key_order_stops_the_write()
    {
        var referrals = _result.Attribution.Referrals;
        var month = referrals.GroupBy(r => Month(r.Link)).First(g => g.Count() > 1).Key;
        var result = _result with { Attribution = _result.Attribution with { Referrals = referrals.Reverse().ToList() } };

        Assert.That(() => ResultRows.For([month], _input, result),
            Throws.InvalidOperationException.With.Message.Contains("referral").And.Message.Contains(month));
    }

    [Test]
    public void A_link_listed_twice_stops_the_write_when_it_is_reached()
    {
        var noOutcome = _result.Attribution.MatchedNoOutcome;
        var link = noOutcome[noOutcome.Count / 2];
        var month = Month(link);
        // The same link both with no outcome and not credited: two links of one (month, hmrc_id).
        var result = _result with { Attribution = _result.Attribution with { MatchedNotCredited = [.. _result.Attribution.MatchedNotCredited, link] } };
        var rows = ResultRows.For([month], _input, result);

        Assert.That(() => rows.Links.Count(), Throws.InvalidOperationException.With.Message.Contains(month));
        Assert.That(ResultRows.For([month], _input, _result).Links.Count(), Is.GreaterThan(1));
    }

    private static string Month(IdentityLink link) => Month(link.Employment.EmploymentStart);

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

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
            .OrderBy(l => Month(l.Link), StringComparer.Ordinal).ThenBy(l => l.Link.Employment.HmrcId, StringComparer.Ordinal)
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

    private static string Month(IdentityLink link) => Month(link.Employment.EmploymentStart);

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

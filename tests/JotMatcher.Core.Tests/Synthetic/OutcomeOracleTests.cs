using System.Globalization;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Core.Tests.Synthetic;

/// <summary>The generator's own oracle, read against SPEC §3 (end) and §4 with hand-made histories.</summary>
public sealed class OutcomeOracleTests
{
    private static readonly RuleSetCatalog Bundled = RuleSetCatalog.LoadBundled();
    private static readonly RecordedIdentity Someone = new("AB123456C", "Smith", "John", RecordedDate.Blank, "M", "LS1 1AA");

    // One JSA spell 2007-01-01..2007-06-30 (180 days: group 3); window 2007-06-16..2007-09-29.
    [TestCase("2007-06-16", 0, TestName = "claim_end - 14 is in the window")]
    [TestCase("2007-09-29", 0, TestName = "claim_end + 91 is in the window")]
    [TestCase("2007-06-15", -1, TestName = "claim_end - 15 is not (working while claiming)")]
    [TestCase("2007-09-30", -1, TestName = "claim_end + 92 is not")]
    public void Window_edges(string jobStart, int outcomeSpell)
    {
        var (truth, outcomes) = Judge([Jsa("2007-01-01", "2007-06-30")], [jobStart]);
        Assert.That(truth.Single().Claim, Is.SameAs(Claims[0]), "the truth names the customer's spell either way");
        Assert.That(outcomes.Select(o => Claims.IndexOf(o.Claim)), Is.EqualTo(outcomeSpell < 0 ? Array.Empty<int>() : new[] { outcomeSpell }));
    }

    [Test]
    public void The_nearest_claim_end_wins_when_two_windows_hold_the_start()
    {
        var (truth, outcomes) = Judge([Jsa("2007-01-01", "2007-03-01"), Jsa("2007-03-20", "2007-05-01")], ["2007-04-25"]);
        Assert.That((Claims.IndexOf(truth.Single().Claim), Claims.IndexOf(outcomes.Single().Claim)), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Of_two_jobs_in_one_window_the_earlier_start_is_the_outcome()
    {
        var (_, outcomes) = Judge([Jsa("2007-01-01", "2007-06-30")], ["2007-08-01", "2007-07-01"]);
        Assert.That(outcomes.Single().Employment, Is.SameAs(Employments[1]));
    }

    [TestCase(Benefit.Jsa, false, false, Programme.None, "2007-01-01", 3, TestName = "JSA under 182 days: group 3")]
    [TestCase(Benefit.Jsa, false, false, Programme.None, "2006-12-30", 2, TestName = "JSA of 182 days: group 2")]
    [TestCase(Benefit.Jsa, true, false, Programme.None, "2007-01-01", 1, TestName = "lone parent: group 1")]
    [TestCase(Benefit.Jsa, false, false, Programme.NdDp, "2007-01-01", 1, TestName = "ND_DP: group 1")]
    [TestCase(Benefit.Ca, false, false, Programme.None, "2007-01-01", 1, TestName = "CA: group 1")]
    [TestCase(Benefit.Jsa, false, true, Programme.None, "2007-01-01", 2, TestName = "disabled: group 2")]
    [TestCase(Benefit.Jsa, false, false, Programme.Ez, "2007-01-01", 2, TestName = "EZ: group 2")]
    [TestCase(Benefit.None, false, false, Programme.None, "2007-01-01", 4, TestName = "NONE, not employed: group 4")]
    public void Priority_groups(Benefit benefit, bool loneParent, bool disabled, Programme programme, string start, int group)
    {
        var spell = new TrueSpell(Day(start), Day("2007-06-30"), benefit, false, loneParent, disabled, false, programme);
        var (_, outcomes) = Judge([spell], ["2007-07-01"]);
        Assert.That(outcomes.Single().PriorityGroup, Is.EqualTo(group));
    }

    // Group 3 (4 points) JSA outcome starting 2007-07-01; sustainment runs to 2007-07-29.
    [TestCase(null, "2008-04-30", 5, false, TestName = "no return to JSA: +1")]
    [TestCase("2007-07-29", "2008-04-30", 4, false, TestName = "back on JSA on day 28: no premium")]
    [TestCase("2007-07-30", "2008-04-30", 5, false, TestName = "back on JSA on day 29: +1")]
    [TestCase(null, "2007-07-28", 4, true, TestName = "as-of before day 28: pending")]
    [TestCase(null, "2007-07-29", 5, false, TestName = "as-of on day 28: settled")]
    public void Sustainment(string? returnToJsa, string asOf, int points, bool pending)
    {
        List<TrueSpell> spells = [Jsa("2007-01-01", "2007-06-30")];
        if (returnToJsa is not null)
        {
            spells.Add(Jsa(returnToJsa, "2007-12-31"));
        }

        var (_, outcomes) = Judge(spells, ["2007-07-01"], asOf: asOf);
        Assert.That((outcomes[0].TotalPoints, outcomes[0].SustainPending), Is.EqualTo((points, pending)));
    }

    [TestCase("2007-03-01", false, 4 + 1 + 2, TestName = "2006-07: deprived area +max(2, 50% of 4)")]
    [TestCase("2007-07-01", true, 4 + 1 + 2 + 2, TestName = "2007-08: deprived area and child premium")]
    [TestCase("2007-03-01", true, 4 + 1 + 2, TestName = "2006-07: no child premium yet")]
    public void Premiums_follow_the_rule_set_of_the_employment_start(string jobStart, bool children, int points)
    {
        var end = Day(jobStart) - 10;
        var spell = new TrueSpell(end - 100, end, Benefit.Jsa, false, false, false, children, Programme.None);
        var (_, outcomes) = Judge([spell], [jobStart], deprived: true);
        Assert.That(outcomes.Single().TotalPoints, Is.EqualTo(points));
    }

    [Test]
    public void A_job_before_any_rule_set_is_in_the_truth_but_no_outcome()
    {
        var (truth, outcomes) = Judge([Jsa("2005-06-01", "2006-01-31")], ["2006-02-15"]);
        Assert.That((truth.Count, outcomes.Count), Is.EqualTo((1, 0)));
    }

    private List<SyntheticClaim> Claims { get; } = [];
    private List<SyntheticEmployment> Employments { get; } = [];

    private (List<TruePair> Truth, List<TrueOutcome> Outcomes) Judge(
        List<TrueSpell> spells, string[] jobStarts, string asOf = "2008-04-30", bool deprived = false)
    {
        Claims.Clear();
        Employments.Clear();
        Claims.AddRange(spells.Select(_ => new SyntheticClaim { Identity = Someone }));
        Employments.AddRange(jobStarts.Select(_ => new SyntheticEmployment { Identity = Someone }));
        var jobs = jobStarts.Select(s => new TrueJob(Day(s), Day(s) + 10, "123/AB12345")).ToList();
        List<TruePair> truth = [];
        List<TrueOutcome> outcomes = [];
        new OutcomeOracle(Bundled, DateOnly.FromDayNumber(Day(asOf))).Judge(spells, Claims, deprived, jobs, Employments, truth, outcomes);
        return (truth, outcomes);
    }

    private static TrueSpell Jsa(string start, string end) => new(Day(start), Day(end), Benefit.Jsa, false, false, false, false, Programme.None);

    private static int Day(string yyyyMmDd) => DateOnly.ParseExact(yyyyMmDd, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
}

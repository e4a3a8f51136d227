using JotMatcher.Core.Points;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;
using static JotMatcher.Core.Tests.Points.RecordFactory;

namespace JotMatcher.Core.Tests.Points;

/// <summary>SPEC §4, row by row: priority groups, base points, the three premiums and the performance-year boundary.</summary>
public sealed class PointsCalculatorTests
{
    private static readonly HashSet<string> Deprived = new(StringComparer.Ordinal) { "E05000001" };
    private static readonly RuleSetCatalog Bundled = RuleSetCatalog.LoadBundled();

    // Spells end 2007-06-30; the job starts 2007-07-02 (2007-08 rules) unless a row says otherwise.
    private const string End = "2007-06-30";
    private const string JobStart = "2007-07-02";
    private const string LongAfter = "2008-01-01";

    //        benefit       lone   programme           disabled employed start         group base
    [TestCase(Benefit.Jsa, true, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: lone parent")]
    [TestCase(Benefit.Jsa, false, Programme.NdLp, false, false, "2007-06-01", 1, 12, TestName = "1: New Deal for Lone Parents")]
    [TestCase(Benefit.Jsa, false, Programme.NdDp, false, false, "2007-06-01", 1, 12, TestName = "1: New Deal for Disabled People")]
    [TestCase(Benefit.Is, false, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: Income Support")]
    [TestCase(Benefit.Ib, false, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: Incapacity Benefit")]
    [TestCase(Benefit.Esa, false, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: ESA")]
    [TestCase(Benefit.Sda, false, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: Severe Disablement Allowance")]
    [TestCase(Benefit.Ca, false, Programme.None, false, false, "2007-06-01", 1, 12, TestName = "1: Carer's Allowance")]
    [TestCase(Benefit.Jsa, true, Programme.Nd50Plus, true, false, "2006-01-01", 1, 12, TestName = "1 before 2: lone parent on ND 50+, disabled, long JSA")]
    [TestCase(Benefit.Jsa, false, Programme.Nd50Plus, false, false, "2007-06-01", 2, 8, TestName = "2: New Deal 50 plus")]
    [TestCase(Benefit.Jsa, false, Programme.Nd25Plus, false, false, "2007-06-01", 2, 8, TestName = "2: New Deal 25 plus")]
    [TestCase(Benefit.Jsa, false, Programme.NdYp, false, false, "2007-06-01", 2, 8, TestName = "2: New Deal for Young People")]
    [TestCase(Benefit.Jsa, false, Programme.Ez, false, false, "2007-06-01", 2, 8, TestName = "2: Employment Zone")]
    [TestCase(Benefit.Jsa, false, Programme.None, true, false, "2007-06-01", 2, 8, TestName = "2: disabled")]
    [TestCase(Benefit.None, false, Programme.Ez, false, true, "2007-06-01", 2, 8, TestName = "2 before 5: Employment Zone without benefit")]
    [TestCase(Benefit.Jsa, false, Programme.None, false, false, "2006-12-30", 2, 8, TestName = "2: JSA spell of exactly 182 days")]
    [TestCase(Benefit.Jsa, false, Programme.None, false, false, "2006-12-31", 3, 4, TestName = "3: JSA spell of 181 days")]
    [TestCase(Benefit.Jsa, false, Programme.None, false, false, "2007-06-29", 3, 4, TestName = "3: JSA spell of one day")]
    [TestCase(Benefit.None, false, Programme.None, false, false, "2007-06-01", 4, 2, TestName = "4: no benefit, not employed")]
    [TestCase(Benefit.None, false, Programme.None, false, false, "2005-01-01", 4, 2, TestName = "4: no benefit, long spell (length counts for JSA only)")]
    [TestCase(Benefit.None, false, Programme.None, false, true, "2007-06-01", 5, 1, TestName = "5: no benefit, employed and changing job")]
    public void Priority_group_is_the_first_that_applies(
        Benefit benefit, bool loneParent, Programme programme, bool disabled, bool employed, string claimStart, int group, int basePoints)
    {
        var spell = Spell("S1", claimStart, End, benefit, loneParent: loneParent, programme: programme, disabled: disabled, employed: employed);
        var award = Calculator(LongAfter).Award(spell, Day(JobStart), [spell]);
        Assert.Multiple(() =>
        {
            Assert.That(award.Group, Is.EqualTo((PriorityGroup)group));
            Assert.That(award.BasePoints, Is.EqualTo(basePoints));
        });
    }

    // The outcome spell is JSA 2007-06-01..2007-06-30 (group 3, 4 points); the job starts 2007-07-02.
    //        other spell's benefit, its start   as_of         sustain pending
    [TestCase(null, null, LongAfter, 1, false, TestName = "sustained: no return to JSA")]
    [TestCase(Benefit.Jsa, "2007-07-30", LongAfter, 0, false, TestName = "not sustained: JSA again on day 28")]
    [TestCase(Benefit.Jsa, "2007-07-03", LongAfter, 0, false, TestName = "not sustained: JSA again on day 1")]
    [TestCase(Benefit.Jsa, "2007-07-31", LongAfter, 1, false, TestName = "sustained: JSA again on day 29 is too late to count")]
    [TestCase(Benefit.Jsa, "2007-07-02", LongAfter, 1, false, TestName = "sustained: a JSA spell opened on the job's first day (day 0) is not after it")]
    [TestCase(Benefit.Is, "2007-07-10", LongAfter, 1, false, TestName = "sustained: only a JSA spell breaks sustainment")]
    [TestCase(null, null, "2007-07-29", 0, true, TestName = "pending: as_of is day 27")]
    [TestCase(null, null, "2007-07-30", 1, false, TestName = "settled: as_of is day 28")]
    [TestCase(Benefit.Jsa, "2007-07-10", "2007-07-20", 0, true, TestName = "pending until day 28 even with a return already known")]
    public void Sustainment_premium(Benefit? otherBenefit, string? otherStart, string asOf, int sustain, bool pending)
    {
        var spell = Spell("S1", "2007-06-01", End);
        ClaimSpell[] customer = otherBenefit is { } b ? [spell, Spell("S2", otherStart!, null, b)] : [spell];
        var award = Calculator(asOf).Award(spell, Day(JobStart), customer);
        Assert.That((award.SustainPoints, award.SustainPending), Is.EqualTo((sustain, pending)));
    }

    [Test]
    public void Sustainment_is_only_for_a_jsa_spell_and_never_pending_otherwise()
    {
        var spell = Spell("S1", "2007-06-01", End, Benefit.Is);
        var award = Calculator("2007-07-03").Award(spell, Day(JobStart), [spell]);
        Assert.That((award.SustainPoints, award.SustainPending), Is.EqualTo((0, false)));
    }

    [Test]
    public void Sustainment_ignores_the_outcome_spell_itself_even_when_it_started_after_the_job()
    {
        // Window opens 14 days before claim_end, so a short spell can start after the job did.
        var spell = Spell("S1", "2007-06-25", End);
        var award = Calculator(LongAfter).Award(spell, Day("2007-06-20"), [spell]);
        Assert.That(award.SustainPoints, Is.EqualTo(1));
    }

    //        benefit       programme          disabled employed area         area points
    [TestCase(Benefit.Is, Programme.None, false, false, "E05000001", 6, TestName = "deprived: group 1, half of 12 is 6")]
    [TestCase(Benefit.Jsa, Programme.Ez, false, false, "E05000001", 4, TestName = "deprived: group 2, half of 8 is 4")]
    [TestCase(Benefit.Jsa, Programme.None, false, false, "E05000001", 2, TestName = "deprived: group 3, half of 4 is 2")]
    [TestCase(Benefit.None, Programme.None, false, false, "E05000001", 2, TestName = "deprived: group 4, half of 2 is 1, minimum 2")]
    [TestCase(Benefit.None, Programme.None, false, true, "E05000001", 2, TestName = "deprived: group 5, half of 1 rounds up to 1, minimum 2")]
    [TestCase(Benefit.Is, Programme.None, false, false, "E05000002", 0, TestName = "not deprived: area not listed")]
    [TestCase(Benefit.Is, Programme.None, false, false, "", 0, TestName = "not deprived: no area")]
    public void Deprived_area_premium(Benefit benefit, Programme programme, bool disabled, bool employed, string area, int points)
    {
        var spell = Spell("S1", "2007-06-01", End, benefit, programme: programme, disabled: disabled, employed: employed, areaCode: area);
        Assert.That(Calculator(LongAfter).Award(spell, Day(JobStart), [spell]).AreaPoints, Is.EqualTo(points));
    }

    [TestCase(7, 50, 2, 4, TestName = "half of 7 rounds up to 4")]
    [TestCase(12, 25, 1, 3, TestName = "a quarter of 12 is 3")]
    [TestCase(1, 25, 0, 1, TestName = "a quarter of 1 rounds up to 1")]
    [TestCase(0, 50, 0, 0, TestName = "nothing of nothing")]
    public void Deprived_area_premium_rounds_up_and_honours_the_minimum(int basePoints, int percent, int minimum, int expected)
    {
        var rules = Bundled.All[0] with { DeprivedAreaPercent = percent, DeprivedAreaMinimum = minimum };
        Assert.That(PointsCalculator.DeprivedAreaPremium(basePoints, rules), Is.EqualTo(expected));
    }

    //        job start     version      child points
    [TestCase("2007-03-31", "2006-07.1", 0, TestName = "31 March 2007: 2006-07 rules, no child premium")]
    [TestCase("2007-04-01", "2007-08.1", 2, TestName = "1 April 2007: 2007-08 rules, child premium")]
    [TestCase("2008-06-01", "2007-08.1", 2, TestName = "2008-09 has no rule set: 2007-08 carries forward")]
    public void Child_premium_and_the_performance_year_of_the_employment_start(string jobStart, string version, int child)
    {
        var spell = Spell("S1", "2006-01-01", "2007-03-31", Benefit.Is, hasChildren: true);
        var award = Calculator(LongAfter).Award(spell, Day(jobStart), [spell]);
        Assert.That((award.RuleSetVersion, award.ChildPoints), Is.EqualTo((version, child)));
    }

    [Test]
    public void No_child_premium_without_children()
    {
        var spell = Spell("S1", "2007-06-01", End, Benefit.Is);
        Assert.That(Calculator(LongAfter).Award(spell, Day(JobStart), [spell]).ChildPoints, Is.Zero);
    }

    [Test]
    public void Every_premium_together_adds_up()
    {
        // JSA 2007-06-01..2007-06-30 (group 3: 4) + sustained 1 + deprived 2 + child 2 = 9.
        var spell = Spell("S1", "2007-06-01", End, hasChildren: true, areaCode: "E05000001");
        var award = Calculator(LongAfter).Award(spell, Day(JobStart), [spell]);
        Assert.That(award, Is.EqualTo(new PointsAward(PriorityGroup.Group3, 4, 1, false, 2, 2, "2007-08.1")));
        Assert.That(award.TotalPoints, Is.EqualTo(9));
    }

    [Test]
    public void Switched_off_premiums_in_an_overriding_rule_set_award_nothing()
    {
        var off = Bundled.All[^1] with { SustainmentEnabled = false, DeprivedAreaEnabled = false, ChildPremiumEnabled = false, Version = "off" };
        var calculator = new PointsCalculator(Bundled.WithOverrides([off]), Deprived, Day(LongAfter));
        var spell = Spell("S1", "2007-06-01", End, hasChildren: true, areaCode: "E05000001");
        Assert.That(calculator.Award(spell, Day(JobStart), [spell]), Is.EqualTo(new PointsAward(PriorityGroup.Group3, 4, 0, false, 0, 0, "off")));
    }

    [Test]
    public void An_open_spell_cannot_be_awarded()
    {
        var spell = Spell("S1", "2007-06-01", null);
        Assert.Throws<ArgumentException>(() => Calculator(LongAfter).Award(spell, Day(JobStart), [spell]));
    }

    private static PointsCalculator Calculator(string asOf) => new(Bundled, Deprived, Day(asOf));
}

using JotMatcher.Core.Points;
using JotMatcher.Core.RuleSets;
using static JotMatcher.Core.Tests.Points.RecordFactory;

namespace JotMatcher.Core.Tests.RuleSets;

public sealed class RuleSetCatalogTests
{
    [Test]
    public void Bundled_holds_2006_07_and_2007_08_in_year_order()
        => Assert.That(RuleSetCatalog.LoadBundled().All.Select(r => r.Version), Is.EqualTo(new[] { "2006-07.1", "2007-08.1" }));

    [TestCase("2006-07", false, 0)]
    [TestCase("2007-08", true, 2)]
    public void Bundled_rule_sets_hold_the_spec_values(string year, bool child, int childPoints)
    {
        var set = RuleSetCatalog.LoadBundled().All.Single(r => r.PerformanceYear == year);
        Assert.Multiple(() =>
        {
            Assert.That(set.WindowBeforeDays, Is.EqualTo(14));
            Assert.That(set.WindowAfterDays, Is.EqualTo(91));
            Assert.That(set.BasePoints, Is.EquivalentTo(new Dictionary<PriorityGroup, int>
            {
                [PriorityGroup.Group1] = 12,
                [PriorityGroup.Group2] = 8,
                [PriorityGroup.Group3] = 4,
                [PriorityGroup.Group4] = 2,
                [PriorityGroup.Group5] = 1,
            }));
            Assert.That(set.LongJsaSpellDays, Is.EqualTo(182));
            Assert.That((set.SustainmentEnabled, set.SustainmentPoints, set.SustainmentDays), Is.EqualTo((true, 1, 28)));
            Assert.That((set.DeprivedAreaEnabled, set.DeprivedAreaPercent, set.DeprivedAreaMinimum), Is.EqualTo((true, 50, 2)));
            Assert.That((set.ChildPremiumEnabled, set.ChildPremiumPoints), Is.EqualTo((child, childPoints)));
        });
    }

    [TestCase("2006-04-01", "2006-07.1", TestName = "first day of 2006-07")]
    [TestCase("2007-03-31", "2006-07.1", TestName = "last day of 2006-07")]
    [TestCase("2007-04-01", "2007-08.1", TestName = "first day of 2007-08")]
    [TestCase("2008-03-31", "2007-08.1", TestName = "last day of 2007-08")]
    [TestCase("2008-04-01", "2007-08.1", TestName = "2008-09 has no rule set: latest earlier")]
    [TestCase("2011-01-15", "2007-08.1", TestName = "several years on: still the latest earlier")]
    public void ForDate_picks_the_performance_year_april_to_march(string date, string version)
        => Assert.That(RuleSetCatalog.LoadBundled().ForDate(Day(date)).Version, Is.EqualTo(version));

    [Test]
    public void ForDate_before_every_rule_set_refuses_and_names_the_year()
    {
        var e = Assert.Throws<InvalidOperationException>(() => RuleSetCatalog.LoadBundled().ForDate(Day("2006-03-31")));
        Assert.That(e!.Message, Does.Contain("2005-06").And.Contain("2006-07"));
    }

    [Test]
    public void ForDate_with_a_gap_year_uses_the_latest_earlier_not_the_later()
    {
        var catalog = new RuleSetCatalog([Variant("2006-07", "a"), Variant("2009-10", "c")]);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.ForDate(Day("2008-06-01")).Version, Is.EqualTo("a"));
            Assert.That(catalog.ForDate(Day("2009-04-01")).Version, Is.EqualTo("c"));
        });
    }

    [Test]
    public void WithOverrides_replaces_the_same_year_and_adds_new_years_in_order()
    {
        var bundled = RuleSetCatalog.LoadBundled();
        var catalog = bundled.WithOverrides([Variant("2008-09", "2008-09.test"), Variant("2006-07", "2006-07.test")]);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.All.Select(r => r.Version), Is.EqualTo(new[] { "2006-07.test", "2007-08.1", "2008-09.test" }));
            Assert.That(bundled.All.Select(r => r.Version), Is.EqualTo(new[] { "2006-07.1", "2007-08.1" }), "the bundled catalog is unchanged");
        });
    }

    [Test]
    public void WithOverrides_refuses_two_for_one_year()
        => Assert.Throws<ArgumentException>(() => RuleSetCatalog.LoadBundled().WithOverrides([Variant("2008-09", "x"), Variant("2008-09", "y")]));

    [Test]
    public void Constructor_refuses_two_for_one_year()
        => Assert.Throws<ArgumentException>(() => _ = new RuleSetCatalog([Variant("2008-09", "x"), Variant("2008-09", "y")]));

    internal static RuleSet Variant(string year, string version)
        => RuleSetCatalog.LoadBundled().All[^1] with { PerformanceYear = year, Version = version };
}

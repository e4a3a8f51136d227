using JotMatcher.Core.Points;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Tests.RuleSets;

public sealed class RuleSetJsonTests
{
    internal static readonly string Valid = """
        {
          "performance_year": "2008-09",
          "version": "2008-09.3",
          "window_before_days": 7,
          "window_after_days": 60,
          "base_points": { "1": 20, "2": 10, "3": 5, "4": 3, "5": 0 },
          "long_jsa_spell_days": 365,
          "sustainment": { "enabled": false, "points": 2, "days": 56 },
          "deprived_area": { "enabled": true, "percent": 25, "minimum": 1 },
          "child_premium": { "enabled": true, "points": 4 }
        }
        """;

    [Test]
    public void ParseRuleSet_reads_every_field()
    {
        var set = RuleSetCatalog.ParseRuleSet(Valid);
        Assert.Multiple(() =>
        {
            Assert.That((set.PerformanceYear, set.Version), Is.EqualTo(("2008-09", "2008-09.3")));
            Assert.That((set.WindowBeforeDays, set.WindowAfterDays, set.LongJsaSpellDays), Is.EqualTo((7, 60, 365)));
            Assert.That(set.BasePoints[PriorityGroup.Group1], Is.EqualTo(20));
            Assert.That(set.BasePoints[PriorityGroup.Group5], Is.Zero);
            Assert.That((set.SustainmentEnabled, set.SustainmentPoints, set.SustainmentDays), Is.EqualTo((false, 2, 56)));
            Assert.That((set.DeprivedAreaEnabled, set.DeprivedAreaPercent, set.DeprivedAreaMinimum), Is.EqualTo((true, 25, 1)));
            Assert.That((set.ChildPremiumEnabled, set.ChildPremiumPoints), Is.EqualTo((true, 4)));
        });
    }

    [TestCase("\"window_before_days\": 7,", "", "'window_before_days' is missing")]
    [TestCase("\"version\": \"2008-09.3\",", "", "'version' is missing")]
    [TestCase("\"4\": 3, ", "", "'base_points.4' is missing")]
    [TestCase("\"days\": 56", "\"dayz\": 56", "unknown property 'dayz'")]
    [TestCase("\"window_after_days\": 60", "\"window_after_days\": -1", "'window_after_days' must be a whole number, zero or more")]
    [TestCase("\"window_after_days\": 60", "\"window_after_days\": 1.5", "'window_after_days' must be a whole number, zero or more")]
    [TestCase("\"window_after_days\": 60", "\"window_after_days\": \"60\"", "'window_after_days' must be a whole number, zero or more")]
    [TestCase("\"points\": 4", "\"points\": -2", "'child_premium.points' must be a whole number, zero or more")]
    [TestCase("\"enabled\": false", "\"enabled\": \"N\"", "'sustainment.enabled' must be true or false")]
    [TestCase("\"2008-09\",", "\"2008-10\",", "'performance_year' must be YYYY-YY")]
    [TestCase("\"2008-09\",", "\"2008\",", "'performance_year' must be YYYY-YY")]
    [TestCase("\"version\": \"2008-09.3\"", "\"version\": \" \"", "'version' must be a non-empty string")]
    [TestCase("\"long_jsa_spell_days\": 365,", "\"long_jsa_spell_days\": 365, \"bonus\": 1,", "unknown property 'bonus'")]
    [TestCase("}\n}", "}", "not valid JSON")]
    public void ParseRuleSet_refuses_with_a_message_naming_the_problem(string replace, string with, string message)
    {
        Assert.That(Valid, Does.Contain(replace), "the test row must change the document");
        var e = Assert.Throws<FormatException>(() => RuleSetCatalog.ParseRuleSet(Valid.Replace(replace, with, StringComparison.Ordinal)));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void ParseRuleSet_refuses_a_non_object()
        => Assert.That(() => RuleSetCatalog.ParseRuleSet("[]"), Throws.InstanceOf<FormatException>().With.Message.Contains("must be a JSON object"));
}

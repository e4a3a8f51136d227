using JotMatcher.Core.Runs;
using JotMatcher.Core.Tests.RuleSets;
using static JotMatcher.Core.Tests.Points.RecordFactory;

namespace JotMatcher.Core.Tests.Runs;

public sealed class DatasetManifestTests
{
    [Test]
    public void Parse_reads_as_of_and_description_and_ignores_unknown_properties()
    {
        var manifest = DatasetManifest.Parse("""{ "as_of": "2008-12-31", "description": "FEBRL4", "source": "x" }""");
        Assert.Multiple(() =>
        {
            Assert.That(manifest.AsOf, Is.EqualTo(Day("2008-12-31")));
            Assert.That(manifest.Description, Is.EqualTo("FEBRL4"));
            Assert.That(manifest.RuleSetOverrides, Is.Empty);
        });
    }

    [Test]
    public void Parse_of_an_empty_object_has_nothing()
        => Assert.That(DatasetManifest.Parse("{}"), Is.EqualTo(DatasetManifest.Empty).Using<DatasetManifest>((a, b) =>
            a.AsOf == b.AsOf && a.Description == b.Description && a.RuleSetOverrides.Count == b.RuleSetOverrides.Count));

    [Test]
    public void Parse_reads_rule_set_overrides_in_the_bundled_shape()
    {
        var manifest = DatasetManifest.Parse($$"""{ "as_of": "2008-06-30", "rule_sets": [ {{RuleSetJsonTests.Valid}} ] }""");
        Assert.That(manifest.RuleSetOverrides.Select(r => r.Version), Is.EqualTo(new[] { "2008-09.3" }));
    }

    [TestCase("""{ "as_of": "31/12/2008" }""", "'as_of' must be a date YYYY-MM-DD")]
    [TestCase("""{ "as_of": "2007-02-30" }""", "'as_of' must be a date YYYY-MM-DD")]
    [TestCase("""{ "as_of": 20081231 }""", "'as_of' must be a date YYYY-MM-DD")]
    [TestCase("""{ "description": 3 }""", "'description' must be a string")]
    [TestCase("""{ "rule_sets": {} }""", "'rule_sets' must be an array")]
    [TestCase("""{ "rule_sets": [ { "performance_year": "2008-09" } ] }""", "manifest rule_sets[0] 2008-09: 'version' is missing")]
    [TestCase("""{ "as_of": """, "manifest: not valid JSON")]
    [TestCase("""[]""", "manifest: must be a JSON object")]
    public void Parse_refuses_with_a_message_naming_the_property(string json, string message)
        => Assert.That(() => DatasetManifest.Parse(json), Throws.InstanceOf<FormatException>().With.Message.Contains(message));

    [Test]
    public void Parse_refuses_one_year_overridden_twice()
    {
        var json = $$"""{ "rule_sets": [ {{RuleSetJsonTests.Valid}}, {{RuleSetJsonTests.Valid}} ] }""";
        Assert.That(() => DatasetManifest.Parse(json), Throws.InstanceOf<FormatException>().With.Message.Contains("2008-09 twice"));
    }
}

using System.Text;
using System.Text.Json;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>
/// A customer profile keeps the frequency classes of its values, not their weights: values of one class must have one
/// frequency, bit for bit, so a weight read through a class is the weight of the value's own frequency.
/// </summary>
public sealed class TermFrequencyClassTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void Values_share_a_class_exactly_when_they_share_a_frequency(int seed)
    {
        var random = new Random(seed);
        // Counts from 1 to 60, so some values are rare, many listed values share a count, and some counts are alone.
        var values = Enumerable.Range(0, 400).SelectMany(v => Enumerable.Repeat($"v{v}", 1 + random.Next(60))).ToList();
        values.AddRange(Enumerable.Repeat("", 25));
        var tables = new[] { TermFrequencies.Count(values), Reread(TermFrequencies.Count(values)) };
        string[] probes = [.. values.Distinct(), "never-seen"];
        foreach (var table in tables)
        {
            foreach (var a in probes)
            {
                Assert.That(BitConverter.DoubleToInt64Bits(table.FrequencyOfClass(table.ClassOf(a))), Is.EqualTo(BitConverter.DoubleToInt64Bits(table.FrequencyOf(a))), a);
                Assert.That(table.ClassOf(a), Is.Not.EqualTo(TermFrequencies.NoClass).And.LessThan(table.Classes));
            }

            foreach (var b in probes.Take(60))
            {
                Assert.That(table.ClassOf(b) == table.ClassOf("v7"), Is.EqualTo(table.FrequencyOf(b) == table.FrequencyOf("v7")), b);
            }
        }

        Assert.That(probes.Select(tables[1].ClassOf), Is.EqualTo(probes.Select(tables[0].ClassOf)), "a model file read back numbers its classes alike");
    }

    [Test]
    public void An_exact_agreement_weighs_its_values_frequency_once_the_classes_are_set()
    {
        var common = Enumerable.Repeat("smith", 40);
        var rare = Enumerable.Repeat("szepessy", 10);
        var p = Population.Create(2000, 1500);
        var model = MatchModelJson.Read(new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson);
        var surnames = TermFrequencies.Count(common.Concat(rare).Concat(Enumerable.Range(0, 950).Select(i => $"n{i}")));
        model = new MatchModel(model.PriorLog2Odds, model.MatchShare, model.M, model.U, model.UGivenSurname, model.HouseholdBits, model.NamesakeBits,
            surnames, model.Forenames, model.DatesOfBirth);
        IdentityProfile[] profiles =
        [
            IdentityProfile.Create(0, "Smith", "", null, default, "", Nino.Blank),
            IdentityProfile.Create(1, "Szepessy", "", null, default, "", Nino.Blank),
        ];
        var before = profiles[0];

        Assert.That(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, profiles[0], false), Is.Zero, "no class looked up, no weight");
        model.ApplyTermFrequencies(profiles);
        var m = model.M[(int)MatchField.Surname][ComparisonLevels.Exact];
        Assert.Multiple(() =>
        {
            // Profiles are values: the classes are written to the array's own elements, not to copies of them.
            Assert.That(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, profiles[0], false), Is.EqualTo(Math.Log2(m / surnames.FrequencyOf("smith"))).Within(1e-12));
            Assert.That(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, profiles[1], false), Is.EqualTo(Math.Log2(m / surnames.FrequencyOf("szepessy"))).Within(1e-12));
            Assert.That(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, before, false), Is.Zero, "a copy taken before keeps no class");
        });
    }

    [Test]
    public void A_model_file_with_more_distinct_counts_than_classes_is_refused()
    {
        var json = new StringBuilder("""{"profiles": 1, "rare_frequency": 0, "min_listed_count": 10, "counts": {""");
        for (var i = 0; i < ushort.MaxValue; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($"\"v{i}\": {10 + i}");
        }

        json.Append("}}");
        using var document = JsonDocument.Parse(json.ToString());
        Assert.That(() => TermFrequencies.Read(document.RootElement), Throws.TypeOf<FormatException>().With.Message.Contains("distinct counts"));
    }

    private static TermFrequencies Reread(TermFrequencies table)
    {
        using var document = JsonDocument.Parse(ProfileBuildingTests.Json(table));
        return TermFrequencies.Read(document.RootElement.GetProperty("t"));
    }
}

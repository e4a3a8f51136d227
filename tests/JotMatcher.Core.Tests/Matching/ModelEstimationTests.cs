using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>The fitted model: deterministic bytes, a faithful model file, and estimated weights that make sense.</summary>
public sealed class ModelEstimationTests
{
    [Test]
    public void Same_input_gives_the_same_model_json_bytes_whatever_the_thread_count()
    {
        var p = Noisy();
        var one = new IdentityMatcher(IdentityMatcherTests.Settings with { MaxParallelism = 1 }).Match(p.Claims, p.Employments);
        var two = new IdentityMatcher(IdentityMatcherTests.Settings with { MaxParallelism = 2 }).Match(p.Claims, p.Employments);
        Assert.That(two.Diagnostics.ModelJson, Is.EqualTo(one.Diagnostics.ModelJson));
        Assert.That(Describe(two), Is.EqualTo(Describe(one)));
    }

    [Test]
    public void The_model_file_reads_back_to_the_same_bytes()
    {
        var p = Noisy();
        var json = new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson;
        Assert.That(MatchModelJson.Write(MatchModelJson.Read(json), IdentityMatcherTests.Settings), Is.EqualTo(json));
    }

    [Test]
    public void A_run_given_the_model_file_scores_exactly_as_the_run_that_fitted_it()
    {
        var p = Noisy();
        var matcher = new IdentityMatcher(IdentityMatcherTests.Settings);
        var fitted = matcher.Match(p.Claims, p.Employments);
        var replayed = matcher.Match(p.Claims, p.Employments, fitted.Diagnostics.ModelJson);
        Assert.That(Describe(replayed), Is.EqualTo(Describe(fitted)));
        Assert.That(replayed.Diagnostics.ModelJson, Is.EqualTo(fitted.Diagnostics.ModelJson));
    }

    [Test]
    public void A_model_file_of_another_version_is_refused()
    {
        var p = Noisy();
        var json = new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson;
        Assert.That(() => MatchModelJson.Read(json.Replace("\"version\": 4", "\"version\": 3", StringComparison.Ordinal)), Throws.TypeOf<FormatException>());
        Assert.That(() => MatchModelJson.Read("{}"), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Estimated_weights_rank_agreement_above_partial_agreement_above_disagreement()
    {
        var p = Noisy();
        var model = MatchModelJson.Read(new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson);
        for (var f = 0; f < ComparisonLevels.FieldCount; f++)
        {
            var field = (MatchField)f;
            var disagreement = model.Weight(field, (byte)(ComparisonLevels.LevelNames[f].Length - 1));
            Assert.That(disagreement, Is.LessThan(0), ComparisonLevels.FieldNames[f]);
            Assert.That(model.Weight(field, ComparisonLevels.Exact), Is.GreaterThan(0), ComparisonLevels.FieldNames[f]);
            for (byte l = 1; l < ComparisonLevels.LevelNames[f].Length - 1; l++)
            {
                Assert.That(model.Weight(field, l), Is.GreaterThanOrEqualTo(disagreement), $"{ComparisonLevels.FieldNames[f]} {ComparisonLevels.LevelNames[f][l]}");
            }
        }
    }

    [Test]
    public void A_common_surname_agreeing_counts_for_less_than_a_rare_one()
    {
        var p = Noisy();
        for (var i = 0; i < 40; i++)
        {
            p.Claims[i] = p.Claims[i] with { Surname = "Smith" };
        }

        p.Claims[100] = p.Claims[100] with { Surname = "Szepessy" };
        var model = MatchModelJson.Read(new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson);
        // Profiles are values: the classes are set on the array's elements, so the array is what is read after.
        IdentityProfile[] profiles =
        [
            IdentityProfile.Create(0, "Smith", "", null, default, "", Nino.Blank),
            IdentityProfile.Create(0, "Szepessy", "", null, default, "", Nino.Blank),
        ];
        model.ApplyTermFrequencies(profiles);
        Assert.That(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, profiles[0], false),
            Is.LessThan(model.FieldWeight(MatchField.Surname, ComparisonLevels.Exact, profiles[1], false) - 3));
    }

    [TestCase("John", "1950-01-01", "1980-06-15", true, TestName = "namesake at the address: another date of birth")]
    [TestCase("John", "1950-01-01", "1950-01-01", false, TestName = "namesake at the address: the same date is the person")]
    [TestCase("John", "1950-01-01", "", false, TestName = "namesake at the address: a missing date rules nothing out")]
    [TestCase("Peter", "1950-01-01", "1980-06-15", false, TestName = "namesake at the address: another forename")]
    public void The_namesake_household_signature(string forename, string dobA, string dobB, bool applies)
    {
        var a = PairComparerTests.P(forenames: "John", dob: dobA);
        var b = PairComparerTests.P(forenames: forename, dob: dobB, nino: "");
        Assert.That(MatchModel.IsNamesakeHousehold(PairComparer.Compare(a, b)), Is.EqualTo(applies));
    }

    [Test]
    public void The_household_corrections_are_never_a_bonus()
    {
        var p = Noisy();
        var model = MatchModelJson.Read(new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson);
        Assert.That((model.HouseholdBits, model.NamesakeBits), Is.EqualTo((Math.Min(0, model.HouseholdBits), Math.Min(0, model.NamesakeBits))));
    }

    // A population where a fifth of the HMRC records lost their NINo and some carry a typo, so every pass has work.
    private static Population Noisy()
    {
        var p = Population.Create(2000, 1500);
        for (var i = 0; i < p.Employments.Count; i += 5)
        {
            p.Employments[i] = p.Employments[i] with { Nino = Nino.Blank, Surname = i % 10 == 0 ? p.Employments[i].Surname + "s" : p.Employments[i].Surname };
        }

        return p;
    }

    private static string[] Describe(MatchResult result)
        => [.. result.Links.Select(l => $"{l.Employment.HmrcId} {l.CustomerId} {l.Pass} {l.Score:R} {Evidence(l.Evidence)}"),
            .. result.Reviews.Select(r => $"{r.Employment.HmrcId} {r.ClaimId} {r.Reason} {r.Score:R} {Evidence(r.Evidence)}")];

    private static string Evidence(IReadOnlyList<FieldEvidence> rows) => string.Join(' ', rows.Select(e => $"{e.Field}={e.Level}:{e.Weight:R}"));
}

using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>SPEC §3 passes end to end on a seeded population: what links, what goes to review, and why.</summary>
public sealed class IdentityMatcherTests
{
    // Fewer random pairs than the default million: the u estimates stay stable on 2,000 customers and tests stay quick.
    internal static readonly MatchingSettings Settings = new() { RandomPairSamples = 50_000 };

    [Test]
    public void An_exact_copy_links_deterministically()
    {
        var p = Population.Create(2000, 1500);
        var link = LinkOf(Match(p), "HM000000");
        Assert.That(link, Is.Not.Null);
        Assert.That((link!.CustomerId.ToString(), link.Pass, link.Score), Is.EqualTo(("CU000000", MatchPass.Deterministic, 1.0)));
    }

    [Test]
    public void Same_nino_with_date_of_birth_and_surname_both_disagreeing_is_a_review_case_not_a_link()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1600];
        p.Employments.Add(Population.CopyOf(owner, "HX000001") with
        {
            Surname = "Zyblonski",
            Forenames = "Xanthe",
            DateOfBirth = owner.DateOfBirth!.Value.AddYears(-23),
            Postcode = "ZE2 9QQ",
        });

        var result = Match(p);
        Assert.That(LinkOf(result, "HX000001"), Is.Null);
        Assert.That(ReviewsOf(result, "HX000001").Select(r => (r.ClaimId, r.Reason, r.Pass)),
            Is.EqualTo(new[] { (owner.ClaimId, "nino_shared_by_two_people", MatchPass.Deterministic) }));
    }

    [Test]
    public void Same_nino_with_the_surname_changed_but_date_of_birth_agreeing_links_deterministically()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1601];
        p.Employments.Add(Population.CopyOf(owner, "HX000002") with { Surname = "Featherstonehaugh" });
        var link = LinkOf(Match(p), "HX000002");
        Assert.That((link?.CustomerId, link?.Pass), Is.EqualTo((owner.CustomerId, (MatchPass?)MatchPass.Deterministic)));
    }

    [Test]
    public void A_transposed_nino_with_date_of_birth_and_names_agreeing_links_in_the_fuzzy_nino_pass()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1602];
        var stem = owner.Nino.Normalised;
        var transposed = stem[..4] + stem[5] + stem[4] + stem[6..];
        p.Employments.Add(Population.CopyOf(owner, "HX000003") with { Nino = Nino.Parse(transposed) });
        var link = LinkOf(Match(p), "HX000003");
        Assert.That((link?.CustomerId, link?.Pass), Is.EqualTo((owner.CustomerId, (MatchPass?)MatchPass.FuzzyNino)));
    }

    [Test]
    public void No_nino_but_every_other_field_agreeing_links_in_the_probabilistic_pass_above_the_accept_threshold()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1603];
        p.Employments.Add(Population.CopyOf(owner, "HX000004") with { Nino = Nino.Blank, Forenames = "J" + owner.Forenames[1..] });
        var link = LinkOf(Match(p), "HX000004");
        Assert.That((link?.CustomerId, link?.Pass), Is.EqualTo((owner.CustomerId, (MatchPass?)MatchPass.Probabilistic)));
        Assert.That(link!.Score, Is.GreaterThanOrEqualTo(Settings.AcceptThreshold));
    }

    [Test]
    public void Two_customers_scoring_the_same_go_to_review_whatever_the_input_order()
    {
        var p = Population.Create(2000, 1500);
        var twin = p.Claims[1700] with { ClaimId = "CL999999", CustomerId = "CU999999", Nino = Nino.Blank };
        p.Claims[1700] = p.Claims[1700] with { Nino = Nino.Blank };
        p.Claims.Add(twin);
        p.Employments.Add(Population.CopyOf(twin, "HX000005"));

        var forward = Match(p);
        p.Claims.Reverse();
        p.Employments.Reverse();
        var backward = Match(p);

        foreach (var result in new[] { forward, backward })
        {
            Assert.That(LinkOf(result, "HX000005"), Is.Null);
            Assert.That(ReviewsOf(result, "HX000005").Select(r => (r.ClaimId.ToString(), r.Reason)),
                Is.EqualTo(new[] { ("CL001700", "near_tie"), ("CL999999", "near_tie") }));
        }
    }

    [Test]
    public void Two_customers_holding_the_same_nino_and_both_agreeing_are_a_tie_for_review()
    {
        var p = Population.Create(2000, 1500);
        var other = p.Claims[1701] with { ClaimId = "CL999998", CustomerId = "CU999998", Forenames = "Different" };
        p.Claims.Add(other);
        p.Employments.Add(Population.CopyOf(p.Claims[1701], "HX000006"));
        var result = Match(p);
        Assert.That(LinkOf(result, "HX000006"), Is.Null);
        Assert.That(ReviewsOf(result, "HX000006").Select(r => (r.ClaimId.ToString(), r.Reason)),
            Is.EqualTo(new[] { ("CL001701", "tie"), ("CL999998", "tie") }));
    }

    [Test]
    public void A_twin_sharing_surname_date_of_birth_and_address_is_not_taken_for_the_other()
    {
        var p = Population.Create(2000, 1500);
        var twinA = p.Claims[1702] with { Nino = Nino.Blank, Forenames = "Oliver" };
        var twinB = twinA with { ClaimId = "CL999997", CustomerId = "CU999997", Forenames = "Harriet", Sex = Sex.Female };
        p.Claims[1702] = twinA;
        p.Claims.Add(twinB);
        p.Employments.Add(Population.CopyOf(twinB, "HX000007"));
        var link = LinkOf(Match(p), "HX000007");
        Assert.That(link?.CustomerId.ToString(), Is.EqualTo("CU999997"));
    }

    [Test]
    public void Two_valid_ninos_that_disagree_are_strong_evidence_against()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1703] with { Postcode = "" };
        p.Claims[1703] = owner;
        p.Employments.Add(Population.CopyOf(owner, "HX000008") with { Nino = Nino.Parse("CE999999A"), Forenames = "" });
        p.Employments.Add(Population.CopyOf(owner, "HX000009") with { Nino = Nino.Blank, Forenames = "" });
        var result = Match(p);

        var model = MatchModelJson.Read(result.Diagnostics.ModelJson);
        Assert.That(LinkOf(result, "HX000009")?.CustomerId, Is.EqualTo(owner.CustomerId), "surname, date of birth and sex alone link");
        Assert.That(LinkOf(result, "HX000008"), Is.Null, "the same evidence against a disagreeing NINo does not");
        Assert.That(model.Weight(MatchField.Nino, ComparisonLevels.Nino.Disagree), Is.LessThan(-5));
    }

    [Test]
    public void Evidence_weights_sum_to_the_score()
    {
        var p = Population.Create(2000, 1500);
        var owner = p.Claims[1704];
        p.Employments.Add(Population.CopyOf(owner, "HX000010") with { Nino = Nino.Blank, Surname = owner.Surname + "e" });
        var link = LinkOf(Match(p), "HX000010")!;
        var bits = link.Evidence.Sum(e => e.Weight);
        Assert.That(link.Evidence.Select(e => e.Field), Is.EqualTo(new[] { "prior", "nino", "surname", "forenames", "date_of_birth", "postcode", "sex", "middle_names", "match_share", "rivals" }));
        Assert.That(link.Evidence.Single(e => e.Field == "surname").Level, Is.EqualTo("dl1"));
        Assert.That(1 / (1 + Math.Pow(2, -bits)), Is.EqualTo(link.Score).Within(1e-3));
    }

    private static MatchResult Match(Population p, MatchingSettings? settings = null)
        => new IdentityMatcher(settings ?? Settings).Match(p.Claims, p.Employments);

    private static IdentityLink? LinkOf(MatchResult result, string hmrcId) => result.Links.SingleOrDefault(l => l.Employment.HmrcId == hmrcId);

    private static IEnumerable<ReviewCase> ReviewsOf(MatchResult result, string hmrcId) => result.Reviews.Where(r => r.Employment.HmrcId == hmrcId);

}

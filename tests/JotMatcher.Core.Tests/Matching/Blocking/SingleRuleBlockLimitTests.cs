using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Matching.Model;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching.Blocking;

/// <summary>
/// The probabilistic pass's candidate pairs against the rule written out pair by pair: a pair counts for each rule whose
/// keys agree in a block within MaxBlockSize, and is scored when two rules find it, or a NINo one edit apart, or one rule
/// from a block within SingleRuleBlockLimit (or its variant for records without a date of birth, or any block when the
/// rule's key is small by nature). Seeded random profiles from a few names, dates and postcodes, so blocks of every
/// size occur.
/// </summary>
public sealed class SingleRuleBlockLimitTests
{
    private static readonly string[] Surnames = ["Smith", "Smyth", "Jones", "Patel", "Brown", "Braun", "Khan", "Evans"];
    private static readonly string[] Forenames = ["John", "Jon", "Mary", "Marie", "Ali", "David", "Dave", "Sarah Jane"];
    private static readonly string[] Postcodes = ["LS1 4AP", "LS1 4AQ", "LS2 7EE", "M1 1AA", "M1 1AB", "BD3 9RT", ""];

    [TestCase(0, 0, 1, TestName = "limits 0 and 0, one thread")]
    [TestCase(2, 10, 1, TestName = "limits 2 and 10, one thread")]
    [TestCase(2, 10, 2, TestName = "limits 2 and 10, two threads")]
    [TestCase(5, 3, 2, TestName = "limits 5 and 3, two threads")]
    public void Pairs_per_rule_and_distinct_pairs_are_those_of_the_rule_applied_pair_by_pair(int limit, int withoutDateOfBirth, int threads)
    {
        var random = new Random(29);
        var customers = Enumerable.Range(0, 1500).Select(i => RandomProfile(random, i)).ToArray();
        var employments = Enumerable.Range(0, 150).Select(i => RandomProfile(random, i)).ToArray();
        var settings = IdentityMatcherTests.Settings with
        {
            SingleRuleBlockLimit = limit, SingleRuleBlockLimitWithoutDateOfBirth = withoutDateOfBirth, MaxBlockSize = 60,
        };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };

        var totals = Run(customers, employments, settings, parallel);
        var expected = PairByPair(customers, employments, settings);

        Assert.That(totals, Is.EqualTo(expected));
        Assert.That(expected[^1], Is.LessThan(Run(customers, employments, settings with { SingleRuleBlockLimit = 1000, SingleRuleBlockLimitWithoutDateOfBirth = 1000 }, parallel)[^1]),
            "the data must have pairs the limit leaves out");
    }

    [Test]
    public void Decisions_do_not_depend_on_the_number_of_threads()
    {
        var random = new Random(31);
        var customers = Enumerable.Range(0, 1500).Select(i => RandomProfile(random, i)).ToArray();
        var employments = Enumerable.Range(0, 150).Select(i => RandomProfile(random, i)).ToArray();

        var one = Decisions(customers, employments, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var two = Decisions(customers, employments, new ParallelOptions { MaxDegreeOfParallelism = 2 });

        Assert.That(two, Is.EqualTo(one));
        Assert.That(one.Count(d => d.Length > 0), Is.GreaterThan(10), "the data must give decisions");
    }

    private static long[] Run(IdentityProfile[] customers, IdentityProfile[] employments, MatchingSettings settings, ParallelOptions parallel)
        => Pass(customers, settings).Run(employments, OneEdit(customers, employments, parallel), new PassDecision[employments.Length], parallel);

    private static string[] Decisions(IdentityProfile[] customers, IdentityProfile[] employments, ParallelOptions parallel)
    {
        var decisions = new PassDecision[employments.Length];
        Pass(customers, IdentityMatcherTests.Settings).Run(employments, OneEdit(customers, employments, parallel), decisions, parallel);
        return [.. decisions.Select(d => !d.IsMade ? "" : $"{d.ReviewReason}:{string.Join(',', Enumerable.Range(0, d.Count).Select(i => $"{d[i].Customer}/{d[i].Log2Odds:R}"))}")];
    }

    private static ProbabilisticPass Pass(IdentityProfile[] customers, MatchingSettings settings)
    {
        var model = MatchModelJson.Read(ModelJson.Value);
        model.ApplyTermFrequencies(customers);
        return new ProbabilisticPass(customers, model, settings);
    }

    private static int[]?[] OneEdit(IdentityProfile[] customers, IdentityProfile[] employments, ParallelOptions parallel)
        => OneEditNinoIndex.Find(employments, [.. employments.Select(_ => true)], customers, parallel);

    // The rule stated directly: every record against every customer.
    private static long[] PairByPair(IdentityProfile[] customers, IdentityProfile[] employments, MatchingSettings settings)
    {
        var rules = BlockingRules.All;
        var blockSizes = rules.Select(rule => customers.Select(p => rule.CustomerKeyOf(p)).Where(k => k != 0).CountBy(k => k).ToDictionary()).ToArray();
        var totals = new long[rules.Length + 2];
        var agreeing = new List<int>();
        foreach (var e in employments)
        {
            foreach (var p in customers)
            {
                agreeing.Clear();
                for (var r = 0; r < rules.Length; r++)
                {
                    var key = rules[r].EmploymentKey(e);
                    if (key != 0 && key == rules[r].CustomerKeyOf(p) && blockSizes[r][key] <= settings.MaxBlockSize)
                    {
                        agreeing.Add(r);
                        totals[r]++;
                    }
                }

                var oneEdit = NinoStem.IsOneEdit(e.Stem, p.Stem);
                var alone = agreeing.Any(r => rules[r].KeyAloneSuffices || blockSizes[r][rules[r].CustomerKeyOf(p)]
                    <= (rules[r].ForRecordsWithoutDateOfBirth ? settings.SingleRuleBlockLimitWithoutDateOfBirth : settings.SingleRuleBlockLimit));
                totals[rules.Length] += oneEdit ? 1 : 0;
                totals[rules.Length + 1] += agreeing.Count > 1 || alone || oneEdit ? 1 : 0;
            }
        }

        return totals;
    }

    // A model fitted once on the seeded population of the matcher's tests; each pass reads its own copy.
    private static readonly Lazy<string> ModelJson = new(() =>
    {
        var p = Population.Create(2000, 1500);
        return new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson;
    });

    /// <summary>A profile from a few names, dates, NINos and postcodes: blocks of every size occur (the key signatures' tests use it too).</summary>
    internal static IdentityProfile RandomProfile(Random random, int owner)
    {
        DateOnly? dob = random.Next(10) == 0 ? null : new DateOnly(1970 + random.Next(3), 1 + random.Next(2), 1 + random.Next(4));
        var nino = random.Next(3) == 0 ? ""
            : "AB" + string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('1' + random.Next(3)))) + "A";
        return IdentityProfile.Create(owner, Surnames[random.Next(Surnames.Length)], Forenames[random.Next(Forenames.Length)], dob,
            random.Next(2) == 0 ? Sex.Female : Sex.Male, Postcodes[random.Next(Postcodes.Length)], Nino.Parse(nino));
    }
}

using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching.Blocking;

/// <summary>
/// The blocking rules' keys folded to a byte each: "no other rule agrees" must be proof (the probabilistic pass leaves
/// such pairs unlisted), and chance agreement rare enough to be worth asking.
/// </summary>
public sealed class KeySignaturesTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void No_agreement_besides_a_rule_is_said_only_of_pairs_no_other_rules_keys_join(int threads)
    {
        var random = new Random(37);
        var customers = Enumerable.Range(0, 1200).Select(i => SingleRuleBlockLimitTests.RandomProfile(random, i)).ToArray();
        var employments = Enumerable.Range(0, 300).Select(i => SingleRuleBlockLimitTests.RandomProfile(random, i)).ToArray();
        // Every other record open, so a row of the records' signatures is not the record's own number.
        var open = Enumerable.Range(0, employments.Length).Where(h => h % 2 == 1).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var rules = BlockingRules.All;
        var customerKeys = rules.Select(rule => customers.Select(p => rule.CustomerKeyOf(p)).ToArray()).ToArray();

        var customerSignatures = KeySignatures.OfCustomers(customers, parallel);
        var openSignatures = KeySignatures.OfEmployments(employments, open, parallel);

        int missed = 0, joinedElsewhere = 0, notJoined = 0, saidToAgree = 0;
        for (var j = 0; j < open.Length; j++)
        {
            var keys = rules.Select(rule => rule.EmploymentKey(employments[open[j]])).ToArray();
            for (var c = 0; c < customers.Length; c++)
            {
                for (var r = 0; r < rules.Length; r++)
                {
                    var elsewhere = Enumerable.Range(0, rules.Length).Any(o => o != r && keys[o] != 0 && keys[o] == customerKeys[o][c]);
                    var may = openSignatures.MayAgreeBesides(j, customerSignatures, c, r);
                    if (elsewhere)
                    {
                        joinedElsewhere++;
                        missed += may ? 0 : 1;
                    }
                    else
                    {
                        notJoined++;
                        saidToAgree += may ? 1 : 0;
                    }
                }
            }
        }

        Assert.That(missed, Is.Zero, "a pair another rule joins is never said to agree on no other rule");
        Assert.That(joinedElsewhere, Is.GreaterThan(10_000), "the data must have pairs other rules join");
        Assert.That(notJoined, Is.GreaterThan(10_000), "the data must have pairs no other rule joins");
        // Sixteen other rules, each agreeing by chance about once in 254: about 6 % of the unjoined pairs pass.
        Assert.That((double)saidToAgree / notJoined, Is.LessThan(0.12));
    }

    [Test]
    public void Missing_keys_on_both_sides_do_not_agree()
    {
        // No date of birth, no names, no postcode, no NINo: no rule has a key for either side.
        var customer = IdentityProfile.Create(0, "", "", null, Sex.Unknown, "", Nino.Parse(""));
        var employment = IdentityProfile.Create(0, "", "", null, Sex.Unknown, "", Nino.Parse(""));
        var parallel = new ParallelOptions();
        Assert.That(BlockingRules.All.All(rule => rule.CustomerKeyOf(customer) == 0 && rule.EmploymentKey(employment) == 0), Is.True);

        var customers = KeySignatures.OfCustomers([customer], parallel);
        var records = KeySignatures.OfEmployments([employment], [0], parallel);

        Assert.That(Enumerable.Range(0, BlockingRules.All.Length).Any(r => records.MayAgreeBesides(0, customers, 0, r)), Is.False);
    }
}

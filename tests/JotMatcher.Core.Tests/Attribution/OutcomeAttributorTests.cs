using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;
using static JotMatcher.Core.Tests.Points.RecordFactory;

namespace JotMatcher.Core.Tests.Attribution;

/// <summary>SPEC §3 (end) and §4: windows, one outcome a spell, referrals, matched with no outcome.</summary>
public sealed class OutcomeAttributorTests
{
    private static readonly RuleSetCatalog Bundled = RuleSetCatalog.LoadBundled();

    public enum Ends
    {
        Outcome,
        Referral,
        NoOutcome,
    }

    // One JSA spell 2007-01-01..2007-06-30; window 2007-06-16..2007-09-29.
    [TestCase("2007-06-16", Ends.Outcome, TestName = "claim_end - 14: first day in the window")]
    [TestCase("2007-06-15", Ends.Referral, TestName = "claim_end - 15: outside, and the spell was running")]
    [TestCase("2007-06-30", Ends.Outcome, TestName = "on claim_end")]
    [TestCase("2007-09-29", Ends.Outcome, TestName = "claim_end + 91: last day in the window")]
    [TestCase("2007-09-30", Ends.NoOutcome, TestName = "claim_end + 92: outside, spell long over")]
    [TestCase("2007-01-01", Ends.Referral, TestName = "on claim_start: working while claiming")]
    [TestCase("2006-12-31", Ends.NoOutcome, TestName = "the day before claim_start")]
    public void Window_edges(string jobStart, Ends expected)
    {
        var result = Attribute([Link("H1", jobStart)], [Spell("S1", "2007-01-01", "2007-06-30")]);
        Assert.That(EndOf(result, "H1"), Is.EqualTo(expected));
    }

    [Test]
    public void An_open_spell_running_when_the_job_started_is_a_referral()
    {
        var result = Attribute([Link("H1", "2007-05-01")], [Spell("S1", "2007-01-01", null)]);
        Assert.That(result.Referrals.Select(r => (r.Link.Employment.HmrcId.ToString(), r.Spell.ClaimId.ToString())), Is.EqualTo(new[] { ("H1", "S1") }));
    }

    [Test]
    public void A_referral_names_the_running_spell_that_started_last()
    {
        var result = Attribute(
            [Link("H1", "2007-05-01")],
            [Spell("S1", "2007-01-01", null, Benefit.Is), Spell("S3", "2007-03-01", null), Spell("S2", "2007-03-01", "2007-12-31")]);
        Assert.That(result.Referrals.Single().Spell.ClaimId.ToString(), Is.EqualTo("S2"), "latest claim_start, then the smaller claim_id");
    }

    [Test]
    public void An_ended_spells_window_wins_over_a_running_spell()
    {
        var result = Attribute([Link("H1", "2007-07-01")], [Spell("S1", "2007-01-01", "2007-06-30"), Spell("S2", "2007-06-01", null, Benefit.Is)]);
        Assert.That(result.Outcomes.Single().Spell.ClaimId.ToString(), Is.EqualTo("S1"));
        Assert.That(result.Referrals, Is.Empty);
    }

    //        job start     chosen spell
    [TestCase("2007-08-10", "S2", TestName = "nearest claim_end: 5 days before S2's end, 41 after S1's")]
    [TestCase("2007-07-05", "S1", TestName = "nearest claim_end: 5 after S1's end; S2's window not yet open")]
    [TestCase("2007-08-01", "S2", TestName = "nearest claim_end: 14 before S2's, 32 after S1's")]
    public void Nearest_claim_end_picks_the_spell(string jobStart, string claimId)
    {
        var result = Attribute([Link("H1", jobStart)], [Spell("S1", "2007-01-01", "2007-06-30"), Spell("S2", "2007-07-20", "2007-08-15")]);
        Assert.That(result.Outcomes.Single().Spell.ClaimId.ToString(), Is.EqualTo(claimId));
    }

    [Test]
    public void Nearest_claim_end_tie_goes_to_the_smaller_claim_id()
    {
        // 2007-06-20 is 10 days after B's end and 10 days before A's.
        var result = Attribute([Link("H1", "2007-06-20")], [Spell("B", "2007-01-01", "2007-06-10"), Spell("A", "2007-06-11", "2007-06-30")]);
        Assert.That(result.Outcomes.Single().Spell.ClaimId.ToString(), Is.EqualTo("A"));
    }

    //        H1 start, score    H2 start, score    winner
    [TestCase("2007-07-05", 1.0, "2007-07-02", 1.0, "H2", TestName = "one outcome a spell: the earliest employment start")]
    [TestCase("2007-07-02", 0.96, "2007-07-02", 0.99, "H2", TestName = "one outcome a spell: same start, the higher score")]
    [TestCase("2007-07-02", 1.0, "2007-07-02", 1.0, "H1", TestName = "one outcome a spell: same start and score, the smaller hmrc_id")]
    public void One_outcome_a_spell(string start1, double score1, string start2, double score2, string winner)
    {
        var result = Attribute(
            [Link("H2", start2, score: score2), Link("H1", start1, score: score1)],
            [Spell("S1", "2007-01-01", "2007-06-30")]);
        var loser = winner == "H1" ? "H2" : "H1";
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcomes.Select(o => o.HmrcId.ToString()), Is.EqualTo(new[] { winner }));
            Assert.That(result.MatchedNotCredited.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { loser }));
        });
    }

    [Test]
    public void A_customer_with_no_spells_is_matched_with_no_outcome()
    {
        var result = Attribute([Link("H1", "2007-07-01", customerId: "C9")], [Spell("S1", "2007-01-01", "2007-06-30")]);
        Assert.That(result.MatchedNoOutcome.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H1" }));
    }

    [Test]
    public void A_job_before_every_rule_set_is_matched_with_no_outcome_and_does_not_stop_the_run()
    {
        var result = Attribute([Link("H1", "2006-03-31"), Link("H2", "2006-07-01")], [Spell("S1", "2006-01-01", "2006-06-30")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.MatchedNoOutcome.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H1" }));
            Assert.That(result.Outcomes.Select(o => o.HmrcId.ToString()), Is.EqualTo(new[] { "H2" }));
        });
    }

    [Test]
    public void Every_link_ends_in_exactly_one_list_and_each_list_is_sorted_by_hmrc_id()
    {
        var claims = new[]
        {
            Spell("S1", "2007-01-01", "2007-06-30", customerId: "C1"),
            Spell("S2", "2007-01-01", "2007-06-30", customerId: "C2"),
            Spell("S3", "2007-01-01", null, customerId: "C3"),
        };
        IdentityLink[] links =
        [
            Link("H9", "2007-07-01", "C2"), Link("H10", "2007-07-01", "C1"), Link("H11", "2007-07-02", "C1"),
            Link("H2", "2007-05-01", "C3"), Link("H1", "2007-05-01", "C3"), Link("H3", "2006-12-31", "C2"),
        ];
        var result = Attribute(links, claims);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcomes.Select(o => o.HmrcId.ToString()), Is.EqualTo(new[] { "H10", "H9" }), "ordinal: H10 before H9");
            Assert.That(result.Referrals.Select(r => r.Link.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H1", "H2" }));
            Assert.That(result.MatchedNotCredited.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H11" }));
            Assert.That(result.MatchedNoOutcome.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H3" }));
        });
    }

    [Test]
    public void Outcomes_carry_points_under_the_rule_set_of_the_employment_start()
    {
        var claims = new[] { Spell("S1", "2007-01-01", "2007-03-31", Benefit.Is, hasChildren: true, areaCode: "E1") };
        var reference = new ReferenceData(new HashSet<string>(StringComparer.Ordinal) { "E1" }, []);
        var result = new OutcomeAttributor(Bundled, reference, Day("2008-01-01")).Attribute([Link("H1", "2007-04-01")], claims);
        var points = result.Outcomes.Single().Points;
        Assert.Multiple(() =>
        {
            Assert.That(points.RuleSetVersion, Is.EqualTo("2007-08.1"));
            Assert.That(points.TotalPoints, Is.EqualTo(12 + 6 + 2), "group 1, deprived area, child; IS earns no sustainment");
            Assert.That(result.Outcomes.Single().EmploymentMonth, Is.EqualTo("2007-04"));
        });
    }

    [Test]
    public void Sustainment_reads_the_customers_other_spells()
    {
        var claims = new[]
        {
            Spell("S1", "2007-01-01", "2007-06-30", customerId: "C1"),
            Spell("S2", "2007-07-20", null, customerId: "C1"),
            Spell("S3", "2007-01-01", "2007-06-30", customerId: "C2"),
            Spell("S4", "2007-07-20", null, customerId: "C1x"),
        };
        var result = Attribute([Link("H1", "2007-07-01", "C1"), Link("H2", "2007-07-01", "C2")], claims);
        Assert.That(result.Outcomes.Select(o => (o.HmrcId.ToString(), o.Points.SustainPoints)), Is.EqualTo(new[] { ("H1", 0), ("H2", 1) }));
    }

    [Test]
    public void The_window_comes_from_the_rule_set_of_the_employment_start()
    {
        var shortWindow = Bundled.All[^1] with { WindowBeforeDays = 0, WindowAfterDays = 30 };
        var rules = Bundled.WithOverrides([shortWindow]);
        var result = new OutcomeAttributor(rules, ReferenceData.Empty, Day("2008-01-01"))
            .Attribute([Link("H1", "2007-07-30"), Link("H2", "2007-07-31", "C2")],
                [Spell("S1", "2007-01-01", "2007-06-30"), Spell("S2", "2007-01-01", "2007-06-30", customerId: "C2")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcomes.Select(o => o.HmrcId.ToString()), Is.EqualTo(new[] { "H1" }));
            Assert.That(result.MatchedNoOutcome.Select(l => l.Employment.HmrcId.ToString()), Is.EqualTo(new[] { "H2" }));
        });
    }

    [Test]
    public void Many_customers_each_get_their_own_outcome()
    {
        const int customers = 20_000;
        var claims = new ClaimSpell[customers * 2];
        var links = new IdentityLink[customers];
        for (var i = 0; i < customers; i++)
        {
            var id = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            claims[2 * i] = Spell("A" + id, "2006-01-01", "2006-06-30", customerId: "C" + id);
            claims[(2 * i) + 1] = Spell("B" + id, "2007-01-01", "2007-06-30", customerId: "C" + id);
            links[customers - 1 - i] = Link("H" + id, "2007-07-01", "C" + id);
        }

        var result = Attribute(links, claims);
        Assert.That(result.Outcomes, Has.Count.EqualTo(customers));
        Assert.That(result.Outcomes.All(o => o.Spell.ClaimId == "B" + o.HmrcId.ToString()[1..]), Is.True);
        Assert.That(result.Outcomes.Select(o => o.HmrcId.ToString()), Is.Ordered.Using<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The attributor takes its lists as they come when the links arrive in hmrc_id order (as the matcher gives them)
    /// and sorts them otherwise, and shares the links among threads: on seeded random customers, spells and jobs, every
    /// way (one thread in order, two threads shuffled, two threads in order) must give the same lists.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Links_in_any_order_give_the_same_lists_as_links_in_hmrc_id_order(int seed)
    {
        var random = new Random(seed);
        var claims = new List<ClaimSpell>();
        var links = new List<IdentityLink>();
        for (var c = 0; c < 400; c++)
        {
            var customer = $"C{c:D4}";
            for (var s = random.Next(1, 4); s > 0; s--)
            {
                var start = Day("2006-01-01").AddDays(random.Next(600));
                var end = random.Next(4) == 0 ? (DateOnly?)null : start.AddDays(random.Next(10, 300));
                claims.Add(Spell($"S{claims.Count:D5}", Text(start), end is { } e ? Text(e) : null,
                    random.Next(3) == 0 ? Benefit.Is : Benefit.Jsa, customer));
            }

            for (var j = random.Next(0, 4); j > 0; j--)
            {
                links.Add(Link($"H{random.Next(100_000):D6}x{links.Count}", Text(Day("2006-01-01").AddDays(random.Next(800))), customer,
                    random.Next(2) == 0 ? 1.0 : 0.9));
            }
        }

        var inOrder = links.OrderBy(l => l.Employment.HmrcId.ToString(), StringComparer.Ordinal).ToList();
        var shuffled = links.OrderBy(_ => random.Next()).ToList();

        var expected = Attribute(inOrder, claims, threads: 1);
        foreach (var actual in new[] { Attribute(shuffled, claims, threads: 2), Attribute(inOrder, claims, threads: 2), AttributeAsMatched(inOrder, claims) })
        {
            AssertSameLists(actual, expected);
        }
    }

    /// <summary>
    /// Links as the matcher makes them name their customer by index into its table, whose spells are in claim_id order
    /// within a customer rather than input order: attribution through that grouping must give the same lists.
    /// </summary>
    private static AttributionResult AttributeAsMatched(IReadOnlyList<IdentityLink> links, List<ClaimSpell> claims)
    {
        var shuffledClaims = claims.OrderByDescending(c => c.ClaimId.ToString(), StringComparer.Ordinal).ToList();
        var table = CustomerTable.Build(shuffledClaims);
        var indexOf = table.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var indexed = links.Select(l => l with { Customer = indexOf[l.CustomerId] }).ToList();
        var match = new MatchResult(indexed, [], MatchDiagnostics.Empty) { SpellsByCustomer = table.SpellsByCustomer() };
        var result = new OutcomeAttributor(Bundled, ReferenceData.Empty, Day("2008-01-01")).Attribute(match, shuffledClaims);
        Assert.That(result.Outcomes.All(o => o.Link.Customer >= 0), Is.True, "the links used were the indexed ones");
        return result;
    }

    private static void AssertSameLists(AttributionResult actual, AttributionResult expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.Outcomes.Select(o => (o.HmrcId, o.Spell.ClaimId, o.Points)), Is.EqualTo(expected.Outcomes.Select(o => (o.HmrcId, o.Spell.ClaimId, o.Points))));
            Assert.That(actual.Referrals.Select(r => (Key(r.Link), r.Spell)), Is.EqualTo(expected.Referrals.Select(r => (Key(r.Link), r.Spell))));
            Assert.That(actual.MatchedNotCredited.Select(Key), Is.EqualTo(expected.MatchedNotCredited.Select(Key)));
            Assert.That(actual.MatchedNoOutcome.Select(Key), Is.EqualTo(expected.MatchedNoOutcome.Select(Key)));
            // Every kind of ending happened (else the comparison proves little).
            Assert.That(new[] { expected.Outcomes.Count, expected.Referrals.Count, expected.MatchedNotCredited.Count, expected.MatchedNoOutcome.Count }, Has.All.GreaterThan(0));
            Assert.That(expected.Outcomes.Select(o => o.HmrcId.ToString()), Is.Ordered.Using<string>(StringComparer.Ordinal));
        });
    }

    // A link without its customer index, which links made by hand lack and the matcher's carry.
    private static (HmrcEmployment, RecordId, MatchPass, double) Key(IdentityLink link) => (link.Employment, link.CustomerId, link.Pass, link.Score);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static AttributionResult Attribute(IReadOnlyList<IdentityLink> links, IReadOnlyList<ClaimSpell> claims, int threads = -1)
        => new OutcomeAttributor(Bundled, ReferenceData.Empty, Day("2008-01-01"))
            .Attribute(links, claims, new ParallelOptions { MaxDegreeOfParallelism = threads });

    private static Ends? EndOf(AttributionResult result, string hmrcId)
    {
        var ends = new List<Ends>();
        ends.AddRange(result.Outcomes.Where(o => o.HmrcId == hmrcId).Select(_ => Ends.Outcome));
        ends.AddRange(result.Referrals.Where(r => r.Link.Employment.HmrcId == hmrcId).Select(_ => Ends.Referral));
        ends.AddRange(result.MatchedNoOutcome.Where(l => l.Employment.HmrcId == hmrcId).Select(_ => Ends.NoOutcome));
        return ends.Count == 1 ? ends[0] : null;
    }
}

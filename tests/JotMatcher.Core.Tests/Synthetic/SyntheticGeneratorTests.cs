using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Core.Tests.Synthetic;

/// <summary>The synthetic population: deterministic, realistic in shape, and noisy at the configured rates.</summary>
public sealed class SyntheticGeneratorTests
{
    private const int People = 30_000;
    private static readonly RuleSetCatalog Bundled = RuleSetCatalog.LoadBundled();
    private static readonly Lazy<Population> Default = new(() => Population.Of(new SyntheticOptions { People = People, Seed = 11 }));
    private static readonly Lazy<Population> Doubled = new(() => Population.Of(new SyntheticOptions { People = People, Seed = 11, NoiseScale = 2 }));

    [Test]
    public void The_same_options_give_the_same_records_and_another_seed_other_records()
    {
        var a = Fingerprint(new SyntheticOptions { People = 9_000, Seed = 5 });
        var b = Fingerprint(new SyntheticOptions { People = 9_000, Seed = 5 });
        var c = Fingerprint(new SyntheticOptions { People = 9_000, Seed = 6 });
        Assert.That(a, Is.EqualTo(b));
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [Test]
    public void About_one_point_two_spells_and_one_HMRC_row_a_person()
    {
        var p = Default.Value;
        Assert.Multiple(() =>
        {
            Assert.That(p.Claims.Count / (double)People, Is.InRange(1.1, 1.3), "spells a person");
            Assert.That(p.Employments.Count / (double)People, Is.InRange(0.9, 1.1), "HMRC rows a person");
            Assert.That(p.Customers / (double)People, Is.InRange(0.8, 0.9), "customers");
            Assert.That(p.People, Is.EqualTo(People));
        });
    }

    [Test]
    public void Ids_are_unique_and_in_order_and_the_truth_names_only_rows_that_exist()
    {
        var p = Default.Value;
        var claimIds = p.Claims.Select(c => c.ClaimId).ToList();
        var hmrcIds = p.Employments.Select(e => e.HmrcId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(claimIds, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique);
            Assert.That(hmrcIds, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique);
            Assert.That(p.Truth.Select(t => t.HmrcId), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique);
            Assert.That(p.Truth.All(t => !t.Claim.IsIntendedReject && !t.Employment.IsIntendedReject), "junk rows are never in the truth");
            var pairs = p.Truth.ToHashSet();
            Assert.That(p.Outcomes.All(o => pairs.Contains(new TruePair(o.Employment, o.Claim))), "every true outcome is a true pair");
        });
    }

    [Test]
    public void Every_benefit_programme_priority_group_and_kind_of_history_occurs()
    {
        var p = Default.Value;
        var real = p.Claims.Where(c => !c.IsIntendedReject).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(real.Select(c => c.Benefit).Distinct(), Is.EquivalentTo(Enum.GetValues<Benefit>()));
            Assert.That(real.Select(c => c.Programme).Distinct(), Is.EquivalentTo(Enum.GetValues<Programme>()));
            Assert.That(p.Outcomes.Select(o => o.PriorityGroup).Distinct(), Is.EquivalentTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(real.Count(c => c.ClaimEnd.IsBlank), Is.GreaterThan(100), "open spells");
            Assert.That(real.Count(c => c.LoneParent) + real.Count(c => c.Disabled) + real.Count(c => c.HasChildren), Is.GreaterThan(1000));
            Assert.That(real.Count(c => c.ClaimStart.Year == 2007 && c.ClaimStart.Month <= 3 && c.ClaimEnd.Year == 2007 && c.ClaimEnd.Month >= 4),
                Is.GreaterThan(50), "spells across the 2006-07 / 2007-08 boundary");
            Assert.That(p.Truth.Count, Is.GreaterThan(p.Outcomes.Count), "matched jobs that earn nothing: before, after, while claiming");
            Assert.That(p.Employments.Count - p.Truth.Count - p.IntendedRejects, Is.GreaterThan(People / 10), "HMRC rows of people who never claimed");
            Assert.That(p.Customers - p.Truth.Select(t => t.Claim.CustomerId).Distinct().Count(), Is.GreaterThan(People / 20), "customers never employed");
        });
    }

    [Test]
    public void An_early_as_of_date_leaves_sustainment_premiums_pending()
    {
        var early = Population.Of(new SyntheticOptions { People = 8_000, Seed = 3, AsOf = new DateOnly(2007, 9, 30) });
        Assert.Multiple(() =>
        {
            Assert.That(early.Outcomes.Count(o => o.SustainPending), Is.GreaterThan(10));
            Assert.That(Default.Value.Outcomes.Count(o => o.SustainPending), Is.GreaterThan(0));
            Assert.That(early.Employments.All(e => e.IsIntendedReject || new DateOnly(e.NotifiedOn.Year, e.NotifiedOn.Month, e.NotifiedOn.Day) <= new DateOnly(2007, 9, 30)),
                "nothing notified after the as-of date");
        });
    }

    [Test]
    public void Each_kind_of_noise_is_applied_at_its_configured_rate()
    {
        foreach (var population in new[] { Default.Value, Doubled.Value })
        {
            var rates = NoiseRates.Scaled(population.Scale);
            foreach (var kind in NoiseRates.Kinds)
            {
                foreach (var side in new[] { NoiseSide.Claims, NoiseSide.Hmrc, NoiseSide.Population })
                {
                    var rate = rates.Of(kind, side);
                    var eligible = population.Noise.Eligible(kind, side);
                    var applied = population.Noise.Applied(kind, side);
                    if (rate == 0)
                    {
                        Assert.That(applied, Is.Zero, $"{kind} {side} is not configured");
                        continue;
                    }

                    // Five standard deviations of a binomial count, plus one: a real bias fails, chance does not.
                    var sigma = Math.Sqrt(eligible * rate * (1 - rate));
                    Assert.That(eligible, Is.GreaterThan(200), $"{kind} {side}: too few chances to judge");
                    Assert.That(applied, Is.InRange((eligible * rate) - (5 * sigma) - 1, (eligible * rate) + (5 * sigma) + 1),
                        $"{kind} {side} at scale {population.Scale}: {applied} of {eligible}, rate {rate}");
                }
            }
        }
    }

    [Test]
    public void Doubling_the_noise_scale_doubles_every_rate()
    {
        foreach (var kind in NoiseRates.Kinds)
        {
            foreach (var side in new[] { NoiseSide.Claims, NoiseSide.Hmrc, NoiseSide.Population })
            {
                Assert.That(NoiseRates.Scaled(2).Of(kind, side), Is.EqualTo(Math.Min(0.9, 2 * NoiseRates.Default.Of(kind, side))).Within(1e-12));
            }
        }
    }

    [Test]
    public void The_recorded_identity_shows_the_noise_kinds()
    {
        var p = Doubled.Value;
        var hmrc = p.Employments.Select(e => e.Identity).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(hmrc.Count(i => i.Nino.Length == 0), Is.GreaterThan(hmrc.Count / 10), "blank NINos, often on the HMRC side");
            Assert.That(hmrc.Count(i => i.Nino.StartsWith("TN", StringComparison.Ordinal)), Is.GreaterThan(10), "temporary references");
            Assert.That(hmrc.Count(i => i.Nino.Contains(' ', StringComparison.Ordinal)), Is.GreaterThan(100), "spaced NINos");
            Assert.That(hmrc.Count(i => i.Nino.Length == 8), Is.GreaterThan(100), "NINos without suffix");
            Assert.That(hmrc.Count(i => i.Surname.Contains('-', StringComparison.Ordinal)), Is.GreaterThan(50), "double-barrelled surnames");
            Assert.That(hmrc.Count(i => i.Forenames.Length is 1 or 2 || i.Forenames.Contains('.', StringComparison.Ordinal)), Is.GreaterThan(50), "initials");
            Assert.That(hmrc.Count(i => i.Postcode.Length is > 0 and <= 4 && !i.Postcode.Contains(' ', StringComparison.Ordinal)), Is.GreaterThan(50), "partial postcodes");
            Assert.That(hmrc.Count(i => !i.DateOfBirth.IsBlank && i.DateOfBirth.Month == 2 && i.DateOfBirth.Day >= 30), Is.GreaterThan(10), "impossible dates of birth");
        });
    }

    private static string Fingerprint(SyntheticOptions options)
    {
        var text = new System.Text.StringBuilder();
        foreach (var batch in new SyntheticGenerator(options, Bundled).Batches())
        {
            foreach (var c in batch.Claims)
            {
                text.Append(c.ClaimId).Append(c.CustomerId).Append(c.Identity).Append(c.Benefit).Append(c.ClaimStart).Append(c.ClaimEnd).Append(c.AreaCode);
            }

            foreach (var e in batch.Employments)
            {
                text.Append(e.HmrcId).Append(e.Identity).Append(e.EmployerRef).Append(e.EmploymentStart).Append(e.NotifiedOn);
            }

            foreach (var o in batch.Outcomes)
            {
                text.Append(o.HmrcId).Append(o.ClaimId).Append(o.TotalPoints);
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A whole small population in memory.</summary>
    private sealed record Population(
        double Scale, int People, int Customers, List<SyntheticClaim> Claims, List<SyntheticEmployment> Employments,
        List<TruePair> Truth, List<TrueOutcome> Outcomes, NoiseCounts Noise, int IntendedRejects)
    {
        public static Population Of(SyntheticOptions options)
        {
            var p = new Population(options.NoiseScale, 0, 0, [], [], [], [], new NoiseCounts(), 0);
            var people = 0;
            var customers = 0;
            foreach (var batch in new SyntheticGenerator(options, Bundled).Batches())
            {
                people += batch.People;
                customers += batch.Customers;
                p.Claims.AddRange(batch.Claims);
                p.Employments.AddRange(batch.Employments);
                p.Truth.AddRange(batch.Truth);
                p.Outcomes.AddRange(batch.Outcomes);
                p.Noise.Add(batch.Noise);
            }

            var junk = p.Claims.Count(c => c.IsIntendedReject) + p.Employments.Count(e => e.IsIntendedReject);
            return p with { People = people, Customers = customers, IntendedRejects = junk };
        }
    }
}

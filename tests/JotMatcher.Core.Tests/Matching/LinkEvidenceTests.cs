using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Tests.Matching;

/// <summary>
/// A pair's evidence is its comparison levels packed into a number, made into rows as it is read. The packed rows must
/// be the rows a list would hold: the same fields, levels and weights as the model gives, summing to the pair's
/// log2-odds, whatever the number of exact-weight rows a field could number (none, a few, all).
/// </summary>
public sealed class LinkEvidenceTests
{
    [Test]
    public void Packed_evidence_reads_back_as_the_rows_a_list_of_them_holds()
    {
        var (model, employments, customers) = Pairs();
        var packed = new MatchEvidence(model);
        var listed = new MatchEvidence(model, exactRowsPerField: 0);
        var mixed = new MatchEvidence(model, exactRowsPerField: 3);
        var households = 0;
        var lists = 0;
        for (var i = 0; i < employments.Length; i++)
        {
            var e = employments[i];
            var c = customers[i];
            var evidence = packed.For(e, c, out var log2Odds);
            var expected = Rows(listed.For(e, c, out var listedOdds));
            var mixedEvidence = mixed.For(e, c, out var mixedOdds);
            lists += mixedEvidence.IsPackedBy(mixed) ? 0 : 1;
            Assert.Multiple(() =>
            {
                Assert.That(evidence.IsPackedBy(packed), Is.True);
                Assert.That(Rows(evidence), Is.EqualTo(expected));
                Assert.That(Rows(mixedEvidence), Is.EqualTo(expected));
                Assert.That((listedOdds, mixedOdds), Is.EqualTo((log2Odds, log2Odds)));
                Assert.That(evidence.Sum(r => r.Weight), Is.EqualTo(log2Odds).Within(evidence.Count * 0.00005 + 1e-9));
                Assert.That(evidence.Select(r => r.Field).Take(1 + L.FieldCount), Is.EqualTo(new[] { MatchEvidence.PriorField }.Concat(L.FieldNames)));
                Assert.That(evidence.Skip(1).Take(L.FieldCount).Select(r => r.Level), Is.EqualTo(LevelNames(PairComparer.Compare(e, c))));
            });

            households += evidence.Count > 1 + L.FieldCount ? 1 : 0;
            if (evidence.Count > 1 + L.FieldCount)
            {
                Assert.That(evidence[^1].Field, Is.EqualTo(MatchEvidence.HouseholdField));
            }
        }

        // The sample reaches every kind of row: household corrections, and pairs past a small field's numbering.
        Assert.That(households, Is.Positive);
        Assert.That(lists, Is.Positive);
    }

    [Test]
    public void Packed_rows_are_the_models_shared_instances()
    {
        var (model, employments, customers) = Pairs();
        var packed = new MatchEvidence(model);
        var byRow = new Dictionary<(string, string, double), FieldEvidence>();
        for (var i = 0; i < employments.Length; i++)
        {
            foreach (var row in packed.WithOneToOne(packed.For(employments[i], customers[i], out _), 0))
            {
                // A pair's packed rows are made once per model: an equal row read for another pair is the same object
                // (the export formats each one once).
                var key = (row.Field, row.Level, row.Weight);
                Assert.That(byRow.TryAdd(key, row) || ReferenceEquals(byRow[key], row), Is.True, $"{key}");
            }
        }
    }

    [Test]
    public void The_one_to_one_terms_follow_the_compared_fields_whether_packed_or_listed()
    {
        var (model, employments, customers) = Pairs();
        foreach (var evidence in new[] { new MatchEvidence(model), new MatchEvidence(model, exactRowsPerField: 0) })
        {
            var plain = evidence.For(employments[0], customers[0], out _);
            var withRivals = evidence.WithOneToOne(plain, -1.234567);
            var noRivals = evidence.WithOneToOne(plain, 0);
            Assert.Multiple(() =>
            {
                Assert.That(Rows(withRivals).Take(plain.Count), Is.EqualTo(Rows(plain)));
                Assert.That(Rows(withRivals).Skip(plain.Count), Is.EqualTo(new[]
                {
                    (MatchEvidence.MatchShareField, "has_a_customer", Math.Round(model.MatchShareBits, 4, MidpointRounding.AwayFromZero)),
                    (MatchEvidence.RivalsField, "other_candidates", -1.2346),
                }));
                Assert.That(noRivals[^1].Weight, Is.Zero);
                Assert.That(() => withRivals[withRivals.Count], Throws.TypeOf<ArgumentOutOfRangeException>());
                Assert.That(() => withRivals[-1], Throws.TypeOf<ArgumentOutOfRangeException>());
            });
        }
    }

    [Test]
    public void Evidence_made_from_rows_is_those_rows()
    {
        FieldEvidence a = new("prior", "prior", -9.5), b = new("nino", "exact", 12.25);
        LinkEvidence none = [];
        LinkEvidence two = [a, b];
        var seen = new List<FieldEvidence>();
        foreach (var row in two)
        {
            seen.Add(row);
        }

        Assert.Multiple(() =>
        {
            Assert.That(none.Count, Is.Zero);
            Assert.That(none, Is.EqualTo(default(LinkEvidence)));
            Assert.That(() => none[0], Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(seen, Is.EqualTo(new[] { a, b }));
            Assert.That((two.Count, two[1]), Is.EqualTo((2, b)));
            Assert.That(two == LinkEvidence.Create([a, b]), Is.False, "lists are equal only when they are the same list");
            Assert.That(two.Equals(two), Is.True);
        });
    }

    private static (string Field, string Level, double Weight)[] Rows(LinkEvidence evidence)
        => [.. evidence.Select(r => (r.Field, r.Level, r.Weight))];

    private static IEnumerable<string> LevelNames(ComparisonVector v)
        => Enumerable.Range(0, L.FieldCount).Select(f => L.LevelName((MatchField)f, v[(MatchField)f]));

    // An estimated model (term frequencies applied) and pairs at every distance: each HMRC record against its own
    // customer, a neighbour and a stranger, plus twins and namesakes at one address for the household rows.
    private static (MatchModel Model, IdentityProfile[] Employments, IdentityProfile[] Customers) Pairs()
    {
        var p = Population.Create(2000, 1500);
        for (var i = 0; i < p.Employments.Count; i += 5)
        {
            p.Employments[i] = p.Employments[i] with { Nino = Nino.Blank, Surname = i % 10 == 0 ? p.Employments[i].Surname + "s" : p.Employments[i].Surname };
        }

        var model = MatchModelJson.Read(new IdentityMatcher(IdentityMatcherTests.Settings).Match(p.Claims, p.Employments).Diagnostics.ModelJson);
        var customers = p.Claims.Select((c, i) => IdentityProfile.Create(i, c.Surname, c.Forenames, c.DateOfBirth, c.Sex, c.Postcode, c.Nino)).ToArray();
        model.ApplyTermFrequencies(customers);
        var employments = p.Employments.Select((e, i) => IdentityProfile.Create(i, e.Surname, e.Forenames, e.DateOfBirth, e.Sex, e.Postcode, e.Nino)).ToArray();
        var pairsOf = new List<IdentityProfile>();
        var with = new List<IdentityProfile>();
        for (var i = 0; i < employments.Length; i++)
        {
            foreach (var c in new[] { i, (i + 1) % customers.Length, (i * 37 + 11) % customers.Length })
            {
                pairsOf.Add(employments[i]);
                with.Add(customers[c]);
            }
        }

        var twin = PairComparerTests.P(forenames: "Mary", nino: "");
        var namesake = PairComparerTests.P(dob: "1955-11-30", nino: "");
        pairsOf.AddRange([PairComparerTests.P(), PairComparerTests.P()]);
        with.AddRange([twin, namesake]);
        return (model, [.. pairsOf], [.. with]);
    }
}

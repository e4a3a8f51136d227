using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Blocking;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Matching.Blocking;

/// <summary>The masked-key index against comparing every record with every customer, on seeded random NINos.</summary>
public sealed class OneEditNinoIndexTests
{
    [TestCase(1, TestName = "one thread")]
    [TestCase(2, TestName = "two threads")]
    public void Finds_exactly_the_customers_one_edit_away_in_customer_order(int threads)
    {
        // Few letters and digits, so most stems have many neighbours; more customers than one parallel chunk holds.
        var random = new Random(11);
        var customers = Enumerable.Range(0, 70_000).Select(i => Profile(i, RandomNino(random))).ToArray();
        var employments = Enumerable.Range(0, 100).Select(i => Profile(i, RandomNino(random))).ToArray();
        var offered = employments.Select(_ => random.Next(4) != 0).ToArray();

        var found = OneEditNinoIndex.Find(employments, offered, customers, new ParallelOptions { MaxDegreeOfParallelism = threads });

        var withCandidates = 0;
        for (var h = 0; h < employments.Length; h++)
        {
            var expected = offered[h]
                ? Enumerable.Range(0, customers.Length).Where(c => NinoStem.IsOneEdit(employments[h].Stem, customers[c].Stem)).ToArray()
                : [];
            Assert.That(found[h] ?? [], Is.EqualTo(expected), $"record {h}");
            withCandidates += expected.Length > 0 ? 1 : 0;
        }

        Assert.That(withCandidates, Is.GreaterThan(50), "the data must exercise the index");
    }

    [Test]
    public void Nothing_offered_finds_nothing()
    {
        var customers = new[] { Profile(0, "AB123456C") };
        var employments = new[] { Profile(0, "AB123457C") };
        var found = OneEditNinoIndex.Find(employments, [false], customers, new ParallelOptions());
        Assert.That(found, Is.EqualTo(new int[]?[] { null }));
    }

    private static string RandomNino(Random random)
    {
        if (random.Next(10) == 0)
        {
            return "";
        }

        var prefix = new[] { "AB", "AC", "CE" }[random.Next(3)];
        var digits = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('1' + random.Next(3))));
        return prefix + digits + "A";
    }

    private static IdentityProfile Profile(int owner, string nino)
        => IdentityProfile.Create(owner, "Smith", "John", null, Sex.Unknown, "", Nino.Parse(nino));
}

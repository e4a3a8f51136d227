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
    public void Two_stems_share_a_one_edit_key_exactly_when_they_are_equal_or_one_edit_apart()
    {
        // Stems from few letters and digits, with neighbours made by one substitution, one swap or two changes.
        var random = new Random(5);
        var (shared, oneEdit, further) = (0, 0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var a = RandomNino(random);
            var b = random.Next(3) switch
            {
                0 => Changed(a, random.Next(8), random),
                1 => Swapped(a, random.Next(7)),
                _ => Changed(Changed(a, random.Next(8), random), random.Next(8), random),
            };
            var (x, y) = (NinoStem.Pack(Nino.Parse(a)), NinoStem.Pack(Nino.Parse(b)));
            if (x == 0 || y == 0)
            {
                continue;
            }

            var sharesKey = Enumerable.Range(0, NinoStem.OneEditKeysPerStem).Any(k => NinoStem.OneEditKey(x, k) == NinoStem.OneEditKey(y, k));
            var near = x == y || NinoStem.IsOneEdit(x, y);
            Assert.That(sharesKey, Is.EqualTo(near), $"{i}");
            shared += sharesKey ? 1 : 0;
            oneEdit += NinoStem.IsOneEdit(x, y) ? 1 : 0;
            further += near ? 0 : 1;
        }

        // Both kinds of pair must be exercised, or the equivalence proves little.
        Assert.That(new[] { shared, oneEdit, further }, Has.All.GreaterThan(1000));
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

    // Position 0-1 letters (from the few used), 2-7 digits, kept so the result is still a valid NINo.
    private static string Changed(string nino, int position, Random random)
    {
        if (nino.Length == 0)
        {
            return nino;
        }

        var chars = nino.ToCharArray();
        chars[position] = position < 2 ? "ABCE"[random.Next(4)] : (char)('1' + random.Next(3));
        return new string(chars);
    }

    private static string Swapped(string nino, int position)
    {
        if (nino.Length == 0)
        {
            return nino;
        }

        var chars = nino.ToCharArray();
        (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
        return new string(chars);
    }

    private static IdentityProfile Profile(int owner, string nino)
        => IdentityProfile.Create(owner, "Smith", "John", null, Sex.Unknown, "", Nino.Parse(nino));
}

using System.Text;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>
/// Postcodes are one string per distinct value across a run's files of both kinds (<see cref="SharedStringPool"/>),
/// normalised from the field's bytes (<see cref="Postcodes.NormaliseAscii"/>) to what the characters' rule gives.
/// </summary>
public sealed class SharedStringPoolTests
{
    [Test]
    public void A_postcode_written_any_way_in_claims_and_hmrc_files_is_one_string()
    {
        using var dataset = new TempDataset();
        dataset.Claims("a.csv", "claim_id,customer_id,postcode,claim_start,benefit\nC1,P1,sw1a 1aa,2007-01-01,JSA\nC2,P2,LS1 4AP,2007-01-01,JSA\n");
        dataset.Claims("b.csv", "claim_id,customer_id,postcode,claim_start,benefit\nC3,P3,\" SW1A1AA\t\",2007-01-01,JSA\n");
        dataset.Hmrc("h.csv", "hmrc_id,postcode,employment_start\nH1,SW1A 1AA,2007-03-01\nH2,ls14ap,2007-03-01\nH3,\"S W 1 A 1 A a\",2007-03-01\n");

        var read = DatasetReader.ReadDataset(dataset.Root);
        var postcodes = read.Claims.Select(c => c.Postcode).Concat(read.Employments.Select(e => e.Postcode)).ToList();

        Assert.That(postcodes, Is.EqualTo(new[] { "SW1A1AA", "LS14AP", "SW1A1AA", "SW1A1AA", "LS14AP", "SW1A1AA" }));
        Assert.That(postcodes.Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(2), "one string per value");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void The_bytes_normalise_as_the_characters_do(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 20_000; n++)
        {
            // Every ASCII character but NUL, weighted towards postcode letters, digits and the whitespace that goes.
            var ascii = Enumerable.Range(0, random.Next(0, 12)).Select(_ => (byte)(random.Next(3) switch
            {
                0 => random.Next(1, 128),
                1 => "\t\n\v\f\r \u001c\u001f"[random.Next(8)],
                _ => "AaBbZz0189"[random.Next(10)],
            })).ToArray();
            var expected = Postcodes.Normalise(Encoding.ASCII.GetString(ascii).AsSpan().Trim());
            var got = Encoding.ASCII.GetString(Postcodes.NormaliseAscii(ascii, new byte[ascii.Length]));
            Assert.That(got, Is.EqualTo(expected), Convert.ToHexString(ascii));
        }
    }

    [Test]
    public void Two_readers_at_once_get_one_string_per_value()
    {
        var pool = new SharedStringPool();
        var values = Enumerable.Range(0, 20_000).Select(i => Encoding.ASCII.GetBytes($"AB{i}CD")).ToArray();
        var got = new string[2][];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, reader =>
        {
            // Each reader meets the values in its own order, so either may be first to any of them.
            var order = Enumerable.Range(0, values.Length).OrderBy(i => (i * (reader == 0 ? 7919 : 104729)) % values.Length).ToArray();
            got[reader] = new string[values.Length];
            foreach (var i in order)
            {
                got[reader][i] = pool.Get(values[i]);
            }
        });

        for (var i = 0; i < values.Length; i++)
        {
            Assert.That(got[0][i], Is.EqualTo(Encoding.ASCII.GetString(values[i])));
            Assert.That(got[1][i], Is.SameAs(got[0][i]));
        }
    }
}

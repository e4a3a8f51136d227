using System.Text;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

public sealed class ColumnStringPoolTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void Get_gives_the_value_and_one_string_per_distinct_value(int seed)
    {
        var random = new Random(seed);

        // Enough distinct values to grow the table several times; some longer than 16 bytes or than MaxPooledBytes.
        var values = Enumerable.Range(0, 5000).Select(i => random.Next(10) switch
        {
            0 => new string('L', 17) + i,
            1 => new string('M', ColumnStringPool.MaxPooledBytes) + i,
            _ => "N" + i,
        }).ToList();
        var pool = new ColumnStringPool();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < 40_000; n++)
        {
            var value = values[random.Next(random.Next(2) == 0 ? 50 : values.Count)];
            var got = pool.Get(Encoding.ASCII.GetBytes(value));
            Assert.That(got, Is.EqualTo(value));
            if (value.Length <= ColumnStringPool.MaxPooledBytes)
            {
                Assert.That(got, Is.SameAs(first.TryAdd(value, got) ? got : first[value]), value);
            }
        }
    }

    [Test]
    public void Values_that_differ_only_past_16_bytes_or_in_length_stay_apart()
    {
        var pool = new ColumnStringPool();
        string[] values = ["ABCDEFGHIJKLMNOPq", "ABCDEFGHIJKLMNOPr", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNO", "A", "A\u007f", "AB"];
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var value in values)
            {
                Assert.That(pool.Get(Encoding.ASCII.GetBytes(value)), Is.EqualTo(value), $"round {round}");
            }
        }

        Assert.That(pool.Get([]), Is.SameAs(""));
    }
}

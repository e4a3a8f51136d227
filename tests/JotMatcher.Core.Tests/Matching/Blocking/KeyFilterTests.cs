using JotMatcher.Core.Matching.Blocking;

namespace JotMatcher.Core.Tests.Matching.Blocking;

/// <summary>The key filter in front of look-ups that mostly miss: never a false "absent", and few false "present".</summary>
public sealed class KeyFilterTests
{
    [TestCase(1, 8)]
    [TestCase(50_000, 8)]
    [TestCase(50_000, 16)]
    public void Every_added_key_passes_and_most_others_do_not(int keys, int bitsPerKey)
    {
        var random = new Random(keys + bitsPerKey);
        var added = new HashSet<ulong>();
        var filter = new KeyFilter(keys, bitsPerKey);
        while (added.Count < keys)
        {
            // Small dense keys (NINo digits, day numbers) and spread 64-bit ones alike.
            var key = added.Count % 2 == 0 ? (ulong)random.Next(1, keys * 4) : (ulong)random.NextInt64();
            if (added.Add(key))
            {
                filter.Add(key);
            }
        }

        Assert.That(added.All(filter.MightContain), Is.True, "an added key is never reported absent");
        var absent = 0;
        var passed = 0;
        for (var probe = 0; probe < 100_000; probe++)
        {
            var key = (ulong)random.NextInt64();
            if (!added.Contains(key))
            {
                absent++;
                passed += filter.MightContain(key) ? 1 : 0;
            }
        }

        // One hash a key and at least bitsPerKey bits a key: a share of about 1 - e^(-1/bitsPerKey) of absent keys pass.
        Assert.That((double)passed / absent, Is.LessThan(1.5 / bitsPerKey));
    }

    [Test]
    public void Cleared_it_holds_no_key()
    {
        var filter = new KeyFilter(1_000, 16);
        for (ulong k = 1; k <= 1_000; k++)
        {
            filter.Add(k * 7919);
        }

        filter.Clear();
        Assert.That(Enumerable.Range(1, 1_000).Count(k => filter.MightContain((ulong)k * 7919)), Is.Zero);
    }
}

using JotMatcher.Core.Matching.Blocking;

namespace JotMatcher.Core.Tests.Matching.Blocking;

/// <summary>The bucketed key index against the plain answer (every item with the key, ascending) on seeded random keys.</summary>
public sealed class KeyIndexTests
{
    [TestCase(0, 0, TestName = "no items")]
    [TestCase(1, 1, TestName = "one item")]
    [TestCase(2_000, 50, TestName = "small dense keys (NINo digits): many items per key")]
    [TestCase(20_000, 15_000, TestName = "mostly distinct small keys")]
    [TestCase(20_000, -1, TestName = "hashed keys, nearly all distinct")]
    public void Finds_exactly_the_items_of_each_key_in_ascending_order(int items, int distinctKeys)
    {
        var random = new Random(items + distinctKeys);
        var keyOf = new long[items];
        for (var i = 0; i < items; i++)
        {
            // A sixth of the items have no key (0); the rest a small key, or a random 64-bit one.
            keyOf[i] = random.Next(6) == 0 ? 0 : distinctKeys > 0 ? random.Next(1, distinctKeys + 1) : random.NextInt64(long.MinValue, long.MaxValue);
        }

        AssertAgreesWithPlainLookup(keyOf, random);
    }

    [Test]
    public void A_key_shared_by_thousands_does_not_hide_its_bucket_neighbours()
    {
        // A placeholder value: half the items share one key, the rest are spread around it.
        var random = new Random(7);
        var keyOf = new long[30_000];
        for (var i = 0; i < keyOf.Length; i++)
        {
            keyOf[i] = i % 2 == 0 ? 19000101 : random.Next(1, 40_000);
        }

        var index = AssertAgreesWithPlainLookup(keyOf, random);
        Assert.That(index.Find(19000101).Length, Is.EqualTo(15_000));
    }

    [Test]
    public void Join_meets_every_shared_key_once_with_the_items_of_both_sides()
    {
        var random = new Random(3);
        var left = Enumerable.Range(0, 5_000).Select(_ => random.Next(8) == 0 ? 0L : random.Next(1, 3_000)).ToArray();
        var right = Enumerable.Range(0, 20_000).Select(_ => random.Next(8) == 0 ? 0L : random.Next(1_000, 6_000)).ToArray();
        var rightIndex = new KeyIndex(right);

        var joined = new List<(int[] Left, int[] Right)>();
        KeyIndex.Join(new KeyIndex(left), rightIndex, (l, r) => joined.Add((l.ToArray(), r.ToArray())));

        // Every shared key: the left items with it, and exactly what a look-up on the right finds.
        var expected = Enumerable.Range(0, left.Length).Where(i => left[i] != 0 && rightIndex.Find(left[i]).Length > 0).GroupBy(i => left[i]).ToArray();
        Assert.That(joined, Has.Count.EqualTo(expected.Length));
        var byLeft = joined.ToDictionary(j => left[j.Left[0]]);
        foreach (var group in expected)
        {
            Assert.That(byLeft[group.Key].Left, Is.EqualTo(group.ToArray()));
            Assert.That(byLeft[group.Key].Right, Is.EqualTo(rightIndex.Find(group.Key).ToArray()));
        }
    }

    /// <summary>
    /// The probabilistic pass indexes only the customers under a key some open record may have (by a filter): joined
    /// with the records, that index must meet the same keys with the same items, in the same order, as the index of
    /// every customer, and leave out nearly all the keys no record has.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    public void An_index_of_only_the_wanted_keys_joins_as_the_whole_index_does(int seed)
    {
        var random = new Random(seed);
        var left = Enumerable.Range(0, 3_000).Select(_ => random.Next(8) == 0 ? 0L : random.Next(1, 4_000)).ToArray();
        // A placeholder key shared by thousands, keys the left side has, and many it has not.
        var right = Enumerable.Range(0, 40_000).Select(_ => random.Next(10) switch
        {
            0 => 0L,
            1 => 19000101L,
            _ => random.Next(1, 40_000),
        }).ToArray();
        left[^1] = 19000101;
        var leftIndex = new KeyIndex(left);

        var whole = Joined(leftIndex, new KeyIndex(right));
        var wanted = new KeyIndex(right, leftIndex);
        var onlyWanted = Joined(leftIndex, wanted);

        Assert.That(onlyWanted.Select(j => (j.Left, j.Right)), Is.EqualTo(whole.Select(j => (j.Left, j.Right))).AsCollection);
        Assert.That(whole, Has.Count.GreaterThan(100));
        Assert.That(wanted.Find(19000101).Length, Is.EqualTo(right.Count(k => k == 19000101)));
        var unwantedKeys = right.Where(k => k != 0 && !left.Contains(k)).Distinct().ToArray();
        Assert.That(unwantedKeys, Has.Length.GreaterThan(10_000));
        Assert.That(unwantedKeys.Count(k => wanted.Find(k).Length > 0), Is.LessThan(unwantedKeys.Length / 10), "keys no record has are left out, bar the filter's few");
    }

    /// <summary>
    /// The probabilistic pass hands each customer index a scratch buffer used before (full of another rule's keys):
    /// what it held must not matter, and one too small is refused rather than overrun.
    /// </summary>
    [Test]
    public void A_customer_index_built_in_a_used_scratch_buffer_joins_as_one_built_in_a_rented_one()
    {
        var random = new Random(41);
        var customers = Enumerable.Range(0, 1500).Select(i => SingleRuleBlockLimitTests.RandomProfile(random, i)).ToArray();
        var records = new KeyIndex(Enumerable.Range(0, 200).Select(i => BlockingRules.All[0].EmploymentKey(SingleRuleBlockLimitTests.RandomProfile(random, i))).ToArray());
        var used = Enumerable.Range(0, customers.Length + 7).Select(_ => (ulong)random.NextInt64()).ToArray();

        var rented = Joined(records, new KeyIndex(customers, BlockingRules.All[0].CustomerKeyOf, records));
        var reused = Joined(records, new KeyIndex(customers, BlockingRules.All[0].CustomerKeyOf, records, used));

        Assert.That(reused, Is.EqualTo(rented).AsCollection);
        Assert.That(rented, Has.Count.GreaterThan(10));
        Assert.That(() => new KeyIndex(customers, BlockingRules.All[0].CustomerKeyOf, records, new ulong[customers.Length - 1]), Throws.ArgumentException);
    }

    private static List<(string Left, string Right)> Joined(KeyIndex left, KeyIndex right)
    {
        var joined = new List<(string, string)>();
        KeyIndex.Join(left, right, (l, r) => joined.Add((string.Join(',', l.ToArray()), string.Join(',', r.ToArray()))));
        return joined;
    }

    [Test]
    public void Ranges_for_another_index_s_items_are_what_a_look_up_of_each_finds()
    {
        var random = new Random(5);
        var probes = Enumerable.Range(0, 4_000).Select(_ => random.Next(6) == 0 ? 0L : random.Next(1, 5_000)).ToArray();
        var index = new KeyIndex(Enumerable.Range(0, 9_000).Select(_ => (long)random.Next(0, 4_000)).ToArray());

        var ranges = index.RangesFor(new KeyIndex(probes), probes.Length);

        for (var i = 0; i < probes.Length; i++)
        {
            Assert.That(index.ItemsAt(ranges[i]).ToArray(), Is.EqualTo(index.Find(probes[i]).ToArray()), $"probe {i}");
        }
    }

    /// <summary>
    /// A large index built on several threads must be the one-thread index slot for slot (each range of items scatters
    /// after the lower ranges' items of the same bucket), so results never depend on the thread count: probed through
    /// both, every key's items and their positions agree.
    /// </summary>
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    public void Built_on_several_threads_it_is_the_one_thread_index_slot_for_slot(int threads)
    {
        var random = new Random(threads);
        var keyOf = new long[300_001];
        for (var i = 0; i < keyOf.Length; i++)
        {
            // No key, a placeholder shared by thousands, small dense keys, or a random 64-bit one.
            keyOf[i] = random.Next(6) switch
            {
                0 => 0,
                1 => 19000101,
                2 or 3 => random.Next(1, 50_000),
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
        }

        var serial = new KeyIndex(keyOf);
        var parallel = new KeyIndex(keyOf, new ParallelOptions { MaxDegreeOfParallelism = threads });

        var probes = new KeyIndex(keyOf);
        var serialRanges = serial.RangesFor(probes, keyOf.Length);
        var parallelRanges = parallel.RangesFor(probes, keyOf.Length);
        Assert.That(parallelRanges, Is.EqualTo(serialRanges), "every key's items in the same slots");
        var runs = 0;
        KeyIndex.Join(serial, parallel, (a, b) =>
        {
            runs++;
            if (!a.SequenceEqual(b))
            {
                Assert.Fail("a key's items differ");
            }
        });
        Assert.That(runs, Is.EqualTo(keyOf.Where(k => k != 0).Distinct().Count()));
        AssertAgreesWithPlainLookup(keyOf, random, parallel);
    }

    private static KeyIndex AssertAgreesWithPlainLookup(long[] keyOf, Random random, KeyIndex? built = null)
    {
        var index = built ?? new KeyIndex(keyOf);
        var expected = Enumerable.Range(0, keyOf.Length).Where(i => keyOf[i] != 0).ToLookup(i => keyOf[i]);
        foreach (var group in expected)
        {
            Assert.That(index.Find(group.Key).ToArray(), Is.EqualTo(group.ToArray()), $"key {group.Key}");
        }

        for (var probe = 0; probe < 5_000; probe++)
        {
            var key = probe % 2 == 0 ? random.Next(-100, 100_000) : random.NextInt64(long.MinValue, long.MaxValue);
            Assert.That(index.Find(key).ToArray(), Is.EqualTo(key == 0 ? [] : expected[key].ToArray()), $"probe {key}");
        }

        return index;
    }
}

using System.Runtime.Intrinsics;

namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// A byte per blocking rule per profile: that rule's key folded to one byte, so two profiles whose keys for a rule are
/// equal have equal bytes there. Bytes that differ prove the keys differ; equal bytes prove nothing (one pair of
/// strangers in 254 agree by chance). The probabilistic pass asks it, for a pair one rule found in a large block,
/// whether any other rule could find the pair too: where no byte but that rule's agrees, none can, the pair would be
/// dropped unscored, and it is not even listed. A profile's bytes are one row: sixteen rules are compared in one
/// vector load, the rest byte by byte.
/// <para>
/// A profile without a key for a rule has a byte no key folds to, a different one on each side (customers 0, HMRC
/// records 255), so two missing keys never look alike.
/// </para>
/// </summary>
internal sealed class KeySignatures
{
    private const byte CustomerWithoutKey = 0;
    private const byte EmploymentWithoutKey = 255;

    // 2^64 / golden ratio, as KeyIndex mixes keys: the top byte of the product depends on every bit of the key.
    private const ulong Mixer = 0x9E3779B97F4A7C15;

    private const int ChunkSize = 1 << 14;

    private readonly byte[] bytes;
    private readonly int rules;

    private KeySignatures(int count, int rules)
    {
        this.rules = rules;
        bytes = GC.AllocateUninitializedArray<byte>(count * rules);
    }

    /// <summary>Every customer profile's bytes, row i for <paramref name="customers"/>[i].</summary>
    public static KeySignatures OfCustomers(IdentityProfile[] customers, ParallelOptions parallel)
        => Build(customers, null, static (rule, in p) => rule.CustomerKeyOf(p), CustomerWithoutKey, parallel);

    /// <summary>The bytes of the HMRC records <paramref name="employments"/>[<paramref name="open"/>[j]], row j for open record j.</summary>
    public static KeySignatures OfEmployments(IdentityProfile[] employments, int[] open, ParallelOptions parallel)
        => Build(employments, open, static (rule, in e) => rule.EmploymentKey(e), EmploymentWithoutKey, parallel);

    /// <summary>
    /// Whether the bytes of <paramref name="employment"/>'s row here and <paramref name="customer"/>'s row in
    /// <paramref name="customers"/> agree for some rule other than <paramref name="rule"/>: false proves that no other
    /// rule's keys are equal for the pair.
    /// </summary>
    public bool MayAgreeBesides(int employment, KeySignatures customers, int customer, int rule)
    {
        var agreeing = Agreeing(bytes.AsSpan(employment * rules, rules), customers.bytes.AsSpan(customer * rules, rules));
        return (agreeing & ~(1UL << rule)) != 0;
    }

    // Bit r set where the two rows' bytes for rule r are equal.
    private static ulong Agreeing(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var agreeing = 0UL;
        var r = 0;
        for (; r + Vector128<byte>.Count <= a.Length; r += Vector128<byte>.Count)
        {
            var equal = Vector128.Equals(Vector128.Create(a[r..]), Vector128.Create(b[r..]));
            agreeing |= (ulong)equal.ExtractMostSignificantBits() << r;
        }

        for (; r < a.Length; r++)
        {
            agreeing |= (a[r] == b[r] ? 1UL : 0) << r;
        }

        return agreeing;
    }

    private delegate long RuleKey(BlockingRule rule, in IdentityProfile profile);

    // Row i for profiles[rows[i]], or for profiles[i] when rows is null.
    private static KeySignatures Build(IdentityProfile[] profiles, int[]? rows, RuleKey keyOf, byte withoutKey, ParallelOptions parallel)
    {
        var count = rows?.Length ?? profiles.Length;
        var all = BlockingRules.All;
        if (all.Length > 64)
        {
            throw new InvalidOperationException("Key signatures hold at most 64 blocking rules.");
        }

        var signatures = new KeySignatures(count, all.Length);
        Parallel.For(0, (count + ChunkSize - 1) / ChunkSize, parallel, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                ref readonly var profile = ref profiles[rows is null ? i : rows[i]];
                var row = signatures.bytes.AsSpan(i * all.Length, all.Length);
                for (var r = 0; r < all.Length; r++)
                {
                    var key = keyOf(all[r], profile);
                    row[r] = key == 0 ? withoutKey : Fold(key);
                }
            }
        });
        return signatures;
    }

    // A key's byte, never 0 or 255 (the bytes of a missing key).
    private static byte Fold(long key)
    {
        var top = (byte)(((ulong)key * Mixer) >> 56);
        return top switch
        {
            CustomerWithoutKey => 1,
            EmploymentWithoutKey => 254,
            _ => top,
        };
    }
}

namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// A bit per hashed key, for look-ups that nearly always miss: a clear bit says the key is certainly absent, read from
/// a table small enough to stay in the processor's cache, where the index behind it would cost a miss to memory or two.
/// A set bit says nothing (the index is asked). Hashing is fixed, so what passes is the same every run.
/// </summary>
internal sealed class KeyFilter
{
    // An odd multiplier other than KeyIndex's, so the filter's bits do not follow its buckets.
    private const ulong Mixer = 0xC2B2AE3D27D4EB4F;

    private readonly ulong[] words;
    private readonly int shift;

    /// <summary>A filter for up to <paramref name="keyCount"/> keys with at least <paramref name="bitsPerKey"/> bits each (a power of two in all, at most 2^30).</summary>
    public KeyFilter(int keyCount, int bitsPerKey)
    {
        var bits = 6;
        while ((1L << bits) < (long)keyCount * bitsPerKey && bits < 30)
        {
            bits++;
        }

        words = new ulong[(1 << bits) / 64];
        shift = 64 - bits;
    }

    public void Add(ulong key)
    {
        var bit = (key * Mixer) >> shift;
        words[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    /// <summary>False when <paramref name="key"/> was certainly not added; true when it may have been.</summary>
    public bool MightContain(ulong key)
    {
        var bit = (key * Mixer) >> shift;
        return (words[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    public void Clear() => Array.Clear(words);
}

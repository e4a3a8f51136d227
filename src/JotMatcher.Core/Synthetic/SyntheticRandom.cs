namespace JotMatcher.Core.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64 from (seed, stream, index): every household of a synthetic population gets
/// its own independent stream, so households can be generated in any order, on any thread, and still give the same
/// bytes. <see cref="System.Random"/> is avoided because its algorithm for a given seed is not a documented contract.
/// A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct SyntheticRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public static SyntheticRandom For(ulong seed, ulong stream, ulong index)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ (index * 0xD1B54A32D192ED03UL);
        var r = default(SyntheticRandom);
        r._s0 = SplitMix(ref x);
        r._s1 = SplitMix(ref x);
        r._s2 = SplitMix(ref x);
        r._s3 = SplitMix(ref x);
        return r;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) by Lemire's multiply-shift (bias below 2^-32 for our ranges).</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An exponentially distributed whole number of days with the given mean.</summary>
    public int Exponential(double mean) => (int)(-Math.Log(1.0 - NextDouble()) * mean);

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

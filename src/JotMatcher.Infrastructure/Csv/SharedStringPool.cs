namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// One string per distinct value across every file a run reads, of both kinds, for a column whose values recur
/// between files rather than within one: the postcode. A person's claim and HMRC rows are in different files, read at
/// once on two threads, so a file's own pool (<see cref="ColumnStringPool"/>) would keep both copies; at 5 million
/// people the 11 million postcodes read are 3 million distinct values, and every string read lives on into matching.
/// The values are spread over pools of their own by the top bits of their hash, each taken under its lock, so the two
/// readers seldom wait for each other; a value always goes to the same pool, so each value has one string.
/// </summary>
internal sealed class SharedStringPool
{
    private const int StripeBits = 6;

    private readonly ColumnStringPool[] stripes = [.. Enumerable.Range(0, 1 << StripeBits).Select(_ => new ColumnStringPool())];

    /// <summary>The string of <paramref name="ascii"/>, trimmed ASCII without NUL (<see cref="FieldText.IsPlainAscii"/>).</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        // The stripe takes the hash's top bits; the stripe's table indexes by its low ones, which stay spread.
        var stripe = stripes[ColumnStringPool.Hash(ascii) >> (32 - StripeBits)];
        lock (stripe)
        {
            return stripe.Get(ascii);
        }
    }
}

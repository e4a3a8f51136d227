namespace JotMatcher.Core.Synthetic;

/// <summary>Picks an index with fixed weights: a cumulative table and a binary search, no allocation a pick.</summary>
internal sealed class WeightedIndex
{
    private readonly double[] _cumulative;

    private WeightedIndex(double[] cumulative) => _cumulative = cumulative;

    /// <summary>Weights <c>1 / (rank + offset)</c>: a Zipf-like fall whose head is flattened by <paramref name="offset"/>.</summary>
    public static WeightedIndex FallingWithRank(int count, int offset)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / (i + offset);
            cumulative[i] = total;
        }

        for (var i = 0; i < count; i++)
        {
            cumulative[i] /= total;
        }

        return new WeightedIndex(cumulative);
    }

    public int Pick(ref SyntheticRandom random)
    {
        var u = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, u);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}

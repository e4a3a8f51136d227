namespace JotMatcher.Core.Synthetic;

/// <summary>
/// How often each kind of noise was applied, and among how many records it could have been: the generator's own
/// account, written to the manifest so that a test (or a reader of the dataset) can check the rates.
/// </summary>
public sealed class NoiseCounts
{
    private static readonly int KindCount = Enum.GetValues<NoiseKind>().Length;
    private const int SideCount = 3;

    private readonly long[] _applied = new long[KindCount * SideCount];
    private readonly long[] _eligible = new long[KindCount * SideCount];

    public long Applied(NoiseKind kind, NoiseSide side) => _applied[Slot(kind, side)];

    public long Eligible(NoiseKind kind, NoiseSide side) => _eligible[Slot(kind, side)];

    /// <summary>Records one chance for <paramref name="kind"/> and whether it was taken; returns <paramref name="applied"/>.</summary>
    internal bool Record(NoiseKind kind, NoiseSide side, bool applied)
    {
        var slot = Slot(kind, side);
        _eligible[slot]++;
        if (applied)
        {
            _applied[slot]++;
        }

        return applied;
    }

    public void Add(NoiseCounts other)
    {
        for (var i = 0; i < _applied.Length; i++)
        {
            _applied[i] += other._applied[i];
            _eligible[i] += other._eligible[i];
        }
    }

    private static int Slot(NoiseKind kind, NoiseSide side) => ((int)kind * SideCount) + (int)side;
}

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// The records of a block of consecutive people, numbered and ready to write: claims grouped by customer, HMRC rows in
/// feed order (shuffled within the block, so a row's position says nothing of whose it is), the truth in hmrc_id order.
/// </summary>
public sealed class SyntheticBatch
{
    public List<SyntheticClaim> Claims { get; } = [];
    public List<SyntheticEmployment> Employments { get; } = [];
    public List<TruePair> Truth { get; } = [];
    public List<TrueOutcome> Outcomes { get; } = [];
    public NoiseCounts Noise { get; } = new();
    public int People { get; internal set; }
    public int Customers { get; internal set; }
}

namespace JotMatcher.Core.Evaluation;

/// <summary>Confusion counts of a set of links against the true pairs, with precision, recall and F1.</summary>
/// <param name="Links">Links made (true + false positives).</param>
/// <param name="Correct">Links to the true customer (true positives).</param>
/// <param name="TruePairs">True pairs the recall is measured against.</param>
public readonly record struct LinkScore(long Links, long Correct, long TruePairs)
{
    public long FalsePositives => Links - Correct;

    public long FalseNegatives => TruePairs - Correct;

    /// <summary>Correct links over links made; 1 when nothing was linked (no wrong link was made).</summary>
    public double Precision => Links == 0 ? 1 : Correct / (double)Links;

    /// <summary>Correct links over true pairs; 1 when there are no true pairs.</summary>
    public double Recall => TruePairs == 0 ? 1 : Correct / (double)TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

namespace JotMatcher.Core.Matching;

/// <summary>Thresholds and switches for the matching passes; bound from configuration section <c>Jot:Matching</c>.</summary>
public sealed record MatchingSettings
{
    /// <summary>Match probability at or above which a probabilistic pair is accepted.</summary>
    public double AcceptThreshold { get; init; } = 0.95;

    /// <summary>Match probability at or above which (and below accept) a pair goes to review.</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    /// <summary>Seed for the random pairs that estimate u probabilities.</summary>
    public int Seed { get; init; } = 20070401;
}

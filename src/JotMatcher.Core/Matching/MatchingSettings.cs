namespace JotMatcher.Core.Matching;

/// <summary>Thresholds and switches for the matching passes; bound from configuration section <c>Jot:Matching</c>.</summary>
public sealed record MatchingSettings
{
    /// <summary>Match probability at or above which a probabilistic pair is accepted. Default 0.85 (see the README, "Match quality").</summary>
    public double AcceptThreshold { get; init; } = 0.85;

    /// <summary>Match probability at or above which (and below accept) a pair goes to review. Default 0.5.</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    /// <summary>
    /// Two different customers whose match weights are closer than this many bits (a factor 2^margin in odds) are a
    /// near-tie: neither is linked, both go to review. Default 1 bit.
    /// </summary>
    public double NearTieMarginBits { get; init; } = 1.0;

    /// <summary>Seed for the random pairs that estimate u probabilities.</summary>
    public int Seed { get; init; } = 20070401;

    /// <summary>
    /// How many seeded random HMRC × customer pairs estimate the u probabilities (and at most how many same-surname
    /// customer pairs the household u). Default 300,000: the figures on the benchmarks do not move between 300,000 and
    /// a million, and the estimate then costs the same at any size.
    /// </summary>
    public int RandomPairSamples { get; init; } = 300_000;

    /// <summary>
    /// A blocking key shared by more customer variants than this is skipped for that rule (a placeholder date of
    /// birth, say), so one degenerate value cannot make the pass quadratic; the other rules still apply. Default 5,000.
    /// </summary>
    public int MaxBlockSize { get; init; } = 5_000;

    /// <summary>
    /// A candidate pair that only one blocking rule finds (not a second rule, nor a NINo one edit apart) is scored only
    /// when that rule's block holds at most this many customer variants; the full postcode and the NINo digits, small
    /// by nature, are exempt. Default 2. Without it the scored pairs grow with the square of the population: at a
    /// million people 2.0 of the 2.25 million were strangers sharing one key of common fields (a date of birth and a
    /// name code); with 2 the pass scores 1.09 million, for 42 of 136,686 probabilistic links. A true pair shares the
    /// keys of seven rules on average, so the limit only touches records with two or more noisy fields.
    /// </summary>
    public int SingleRuleBlockLimit { get; init; } = 2;

    /// <summary>
    /// <see cref="SingleRuleBlockLimit"/> for the rules that look up HMRC records without a date of birth (by their names,
    /// or names with a postcode district or area). Such a record has fewer fields for a second rule to agree on, so its
    /// names alone must be allowed a larger block. Default 10.
    /// </summary>
    public int SingleRuleBlockLimitWithoutDateOfBirth { get; init; } = 10;

    /// <summary>Threads for the scoring passes; 0 means all processors. Results do not depend on it.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>The thread limit of <see cref="MaxParallelism"/> for <see cref="Parallel"/> loops.</summary>
    internal ParallelOptions Parallelism() => new() { MaxDegreeOfParallelism = MaxParallelism > 0 ? MaxParallelism : -1 };
}

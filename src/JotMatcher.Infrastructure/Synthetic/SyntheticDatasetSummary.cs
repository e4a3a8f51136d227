using JotMatcher.Core.Synthetic;

namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>What a generated dataset holds: row counts, truth sizes and the noise actually applied.</summary>
public sealed record SyntheticDatasetSummary(
    SyntheticOptions Options,
    long Customers,
    long ClaimRows,
    long HmrcRows,
    long TruePairs,
    long TrueOutcomes,
    long IntendedRejects,
    NoiseCounts Noise,
    NoiseRates Rates,
    bool LegacyFormat);

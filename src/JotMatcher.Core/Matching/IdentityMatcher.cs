using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>Runs the passes of SPEC §3 in order and resolves one-to-one links.</summary>
public sealed class IdentityMatcher(MatchingSettings settings)
{
    public MatchingSettings Settings { get; } = settings;

    /// <summary>
    /// Links each HMRC employment to at most one customer. With <paramref name="fixedModelJson"/> the probabilistic
    /// pass uses exactly those weights instead of estimating them (replays).
    /// </summary>
    // STUB: implemented by the matching work (issues 3 and 5).
    public MatchResult Match(IReadOnlyList<ClaimSpell> claims, IReadOnlyList<HmrcEmployment> employments, string? fixedModelJson = null)
        => throw new NotImplementedException();
}

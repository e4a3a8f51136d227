using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Attribution;

/// <summary>
/// The days around an ended spell's <c>claim_end</c> in which an employment start counts as an outcome (SPEC §4):
/// <c>[claim_end − window_before_days, claim_end + window_after_days]</c>, both ends included.
/// </summary>
public readonly record struct AttributionWindow(DateOnly From, DateOnly To)
{
    public static AttributionWindow Around(DateOnly claimEnd, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(claimEnd.AddDays(-rules.WindowBeforeDays), claimEnd.AddDays(rules.WindowAfterDays));
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;
}

using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Runs;

/// <summary>Everything one matching run reads: records already parsed, reference data, rules and the as-of date.</summary>
public sealed record RunInput(
    IReadOnlyList<ClaimSpell> Claims,
    IReadOnlyList<HmrcEmployment> Employments,
    ReferenceData Reference,
    RuleSetCatalog Rules,
    DateOnly AsOf,
    string? FixedModelJson = null)
{
    /// <summary>
    /// The input of a dataset under its own manifest: the bundled rule sets with the manifest's overrides, and the
    /// manifest's as-of date, or the one the HMRC feed implies (<see cref="JobOutcomeRun.InferAsOf"/>).
    /// </summary>
    public static RunInput For(
        IReadOnlyList<ClaimSpell> claims, IReadOnlyList<HmrcEmployment> employments, ReferenceData reference, DatasetManifest manifest)
        => new(claims, employments, reference, RuleSetCatalog.LoadBundled().WithOverrides(manifest.RuleSetOverrides),
            manifest.AsOf ?? JobOutcomeRun.InferAsOf(employments));
}

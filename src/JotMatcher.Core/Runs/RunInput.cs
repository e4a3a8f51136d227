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
    string? FixedModelJson = null);

using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Attribution;

/// <summary>Attributes links to spells (window, one outcome a spell), finds referrals, and awards points.</summary>
public sealed class OutcomeAttributor(RuleSetCatalog rules, ReferenceData reference, DateOnly asOf)
{
    public RuleSetCatalog Rules { get; } = rules;
    public ReferenceData Reference { get; } = reference;
    public DateOnly AsOf { get; } = asOf;

    // STUB: implemented by the rules work (issue 3).
    public AttributionResult Attribute(IReadOnlyList<IdentityLink> links, IReadOnlyList<ClaimSpell> claims)
        => throw new NotImplementedException();
}

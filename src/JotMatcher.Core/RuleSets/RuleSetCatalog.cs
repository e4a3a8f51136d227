namespace JotMatcher.Core.RuleSets;

/// <summary>The rule sets in force, one per performance year; a year with none uses the latest earlier one.</summary>
public sealed class RuleSetCatalog
{
    // STUB: implemented by the rules work (issue 3).
    public static RuleSetCatalog LoadBundled() => throw new NotImplementedException();

    /// <summary>A catalog where the given rule sets replace bundled ones of the same performance year.</summary>
    public RuleSetCatalog WithOverrides(IEnumerable<RuleSet> overrides) => throw new NotImplementedException();

    public IReadOnlyList<RuleSet> All => throw new NotImplementedException();

    /// <summary>The rule set for the performance year containing <paramref name="employmentStart"/>.</summary>
    public RuleSet ForDate(DateOnly employmentStart) => throw new NotImplementedException();
}

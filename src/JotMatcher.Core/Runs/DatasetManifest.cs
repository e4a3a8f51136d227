using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Runs;

/// <summary>A dataset's optional <c>manifest.json</c>: its as-of date and rule-set overrides.</summary>
public sealed record DatasetManifest(DateOnly? AsOf, IReadOnlyList<RuleSet> RuleSetOverrides, string? Description)
{
    public static DatasetManifest Empty { get; } = new(null, [], null);

    // STUB: implemented by the rules work (issue 3). Throws FormatException with a clear message on bad JSON.
    public static DatasetManifest Parse(string json) => throw new NotImplementedException();
}

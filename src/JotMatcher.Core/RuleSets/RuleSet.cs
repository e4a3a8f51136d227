using JotMatcher.Core.Points;

namespace JotMatcher.Core.RuleSets;

/// <summary>
/// The rules of one performance year (SPEC §4): points table, attribution window and premiums.
/// Loaded from a versioned JSON file; changing a value is a data change, never a code change.
/// </summary>
public sealed record RuleSet
{
    /// <summary><c>YYYY-YY</c>, e.g. <c>2007-08</c> for 2007-04-01 to 2008-03-31.</summary>
    public required string PerformanceYear { get; init; }

    /// <summary>The file's version, recorded with every run and outcome.</summary>
    public required string Version { get; init; }

    public required int WindowBeforeDays { get; init; }
    public required int WindowAfterDays { get; init; }

    /// <summary>Base points for each of the five priority groups.</summary>
    public required IReadOnlyDictionary<PriorityGroup, int> BasePoints { get; init; }

    /// <summary>A JSA spell at least this long is priority group 2 (SPEC: 182 days).</summary>
    public required int LongJsaSpellDays { get; init; }

    public required bool SustainmentEnabled { get; init; }
    public required int SustainmentPoints { get; init; }
    public required int SustainmentDays { get; init; }

    public required bool DeprivedAreaEnabled { get; init; }
    public required int DeprivedAreaPercent { get; init; }
    public required int DeprivedAreaMinimum { get; init; }

    public required bool ChildPremiumEnabled { get; init; }
    public required int ChildPremiumPoints { get; init; }
}

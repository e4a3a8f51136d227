using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace JotMatcher.Core.RuleSets;

/// <summary>The rule sets in force, one per performance year; a year with none uses the latest earlier one.</summary>
public sealed class RuleSetCatalog
{
    // The csproj embeds RuleSets/Bundled/*.json under these names.
    private const string ResourcePrefix = "RuleSets.";
    private const string ResourceSuffix = ".json";

    private static readonly Lazy<RuleSetCatalog> Bundled = new(ReadBundled);

    // Ordered by performance year; StartYears[i] is the first calendar year of Sets[i].
    private readonly RuleSet[] _sets;
    private readonly int[] _startYears;

    /// <summary>A catalog of exactly these rule sets. Two for the same performance year are refused.</summary>
    public RuleSetCatalog(IEnumerable<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        var byYear = new SortedDictionary<int, RuleSet>();
        foreach (var set in ruleSets)
        {
            if (!PerformanceYear.TryParse(set.PerformanceYear, out var start))
            {
                throw new ArgumentException("a rule set's performance year must be YYYY-YY", nameof(ruleSets));
            }

            if (!byYear.TryAdd(start, set))
            {
                throw new ArgumentException($"two rule sets for performance year {set.PerformanceYear}", nameof(ruleSets));
            }
        }

        _startYears = [.. byYear.Keys];
        _sets = [.. byYear.Values];
    }

    /// <summary>The rule sets shipped with the program (<c>RuleSets/Bundled/*.json</c>), read once.</summary>
    public static RuleSetCatalog LoadBundled() => Bundled.Value;

    /// <summary>Reads one rule set from its JSON form; throws <see cref="FormatException"/> naming the bad property.</summary>
    public static RuleSet ParseRuleSet(string json) => RuleSetJson.Parse(json);

    /// <summary>A catalog where the given rule sets replace bundled ones of the same performance year.</summary>
    public RuleSetCatalog WithOverrides(IEnumerable<RuleSet> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new SortedDictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var set in _sets)
        {
            merged[set.PerformanceYear] = set;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in overrides)
        {
            if (!seen.Add(set.PerformanceYear))
            {
                throw new ArgumentException($"two overriding rule sets for performance year {set.PerformanceYear}", nameof(overrides));
            }

            merged[set.PerformanceYear] = set;
        }

        return new RuleSetCatalog(merged.Values);
    }

    /// <summary>Every rule set, earliest performance year first.</summary>
    public IReadOnlyList<RuleSet> All => _sets;

    /// <summary>
    /// The rule set for the performance year containing <paramref name="employmentStart"/>, or the latest earlier one
    /// when that year has none (SPEC §4).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The date falls before every rule set's year. SPEC §4 only carries rules forward; applying a later year's rules
    /// backwards would award points under rules that were not yet in force, so the run stops instead.
    /// </exception>
    public RuleSet ForDate(DateOnly employmentStart)
    {
        if (TryForDate(employmentStart, out var rules))
        {
            return rules;
        }

        var year = PerformanceYear.StartYearOf(employmentStart);
        throw new InvalidOperationException(_sets.Length == 0
            ? $"no rule set is loaded, so performance year {PerformanceYear.Name(year)} has none"
            : $"no rule set for performance year {PerformanceYear.Name(year)} or any earlier year; the earliest is {_sets[0].PerformanceYear}");
    }

    /// <summary>As <see cref="ForDate"/>, but false instead of an exception when no rule set was yet in force.</summary>
    public bool TryForDate(DateOnly employmentStart, [NotNullWhen(true)] out RuleSet? rules)
    {
        var year = PerformanceYear.StartYearOf(employmentStart);

        // A handful of years: a backwards scan beats a binary search and allocates nothing.
        for (var i = _startYears.Length - 1; i >= 0; i--)
        {
            if (_startYears[i] <= year)
            {
                rules = _sets[i];
                return true;
            }
        }

        rules = null;
        return false;
    }

    private static RuleSetCatalog ReadBundled()
    {
        var assembly = typeof(RuleSetCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var sets = new List<RuleSet>();
        foreach (var name in names)
        {
            sets.Add(ReadResource(assembly, name));
        }

        return sets.Count > 0
            ? new RuleSetCatalog(sets)
            : throw new InvalidOperationException("no bundled rule sets are embedded in the program");
    }

    private static RuleSet ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"bundled rule set {name} cannot be opened");
        using var reader = new StreamReader(stream);
        try
        {
            var set = RuleSetJson.Parse(reader.ReadToEnd());

            // The file name is the year: a file whose content names another year is a packaging mistake.
            var fileYear = name[ResourcePrefix.Length..^ResourceSuffix.Length];
            return set.PerformanceYear == fileYear
                ? set
                : throw new FormatException($"rule set: file is named {fileYear} but holds performance year {set.PerformanceYear}");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"bundled rule set {name} is malformed: {e.Message}", e);
        }
    }
}

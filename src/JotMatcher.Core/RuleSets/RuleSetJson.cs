using System.Globalization;
using System.Text.Json;
using JotMatcher.Core.Points;

namespace JotMatcher.Core.RuleSets;

/// <summary>
/// Reads one rule set from its JSON form (the bundled files and a manifest's <c>rule_sets</c> entries share it).
/// Every field is required and unknown properties are refused: an older program meeting a newer rule (a premium it
/// does not know) must stop rather than award points under rules it only half read.
/// Messages name the property and the problem; they never echo the document.
/// </summary>
internal static class RuleSetJson
{
    private static readonly string[] TopLevel =
    [
        "performance_year", "version", "window_before_days", "window_after_days", "base_points",
        "long_jsa_spell_days", "sustainment", "deprived_area", "child_premium",
    ];

    private static readonly string[] Groups = ["1", "2", "3", "4", "5"];

    public static RuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, "rule set");
        }
        catch (JsonException e)
        {
            throw new FormatException($"rule set: not valid JSON (line {e.LineNumber + 1})");
        }
    }

    /// <param name="where">How to name this object in a message, e.g. <c>rule set</c> or <c>manifest rule_sets[0]</c>.</param>
    public static RuleSet Read(JsonElement element, string where)
    {
        RequireObject(element, where, TopLevel);

        var year = String(element, where, "performance_year");
        if (!PerformanceYear.TryParse(year, out _))
        {
            throw new FormatException($"{where}: 'performance_year' must be YYYY-YY with consecutive years, e.g. 2007-08");
        }

        where = $"{where} {year}";
        var version = String(element, where, "version");

        var basePoints = Object(element, where, "base_points", Groups);
        var table = new Dictionary<PriorityGroup, int>(Groups.Length);
        foreach (var group in Groups)
        {
            table[(PriorityGroup)int.Parse(group, CultureInfo.InvariantCulture)] = Count(basePoints, where, "base_points", group);
        }

        var sustainment = Object(element, where, "sustainment", ["enabled", "points", "days"]);
        var deprived = Object(element, where, "deprived_area", ["enabled", "percent", "minimum"]);
        var child = Object(element, where, "child_premium", ["enabled", "points"]);

        return new RuleSet
        {
            PerformanceYear = year,
            Version = version,
            WindowBeforeDays = Count(element, where, null, "window_before_days"),
            WindowAfterDays = Count(element, where, null, "window_after_days"),
            BasePoints = table,
            LongJsaSpellDays = Count(element, where, null, "long_jsa_spell_days"),
            SustainmentEnabled = Flag(sustainment, where, "sustainment", "enabled"),
            SustainmentPoints = Count(sustainment, where, "sustainment", "points"),
            SustainmentDays = Count(sustainment, where, "sustainment", "days"),
            DeprivedAreaEnabled = Flag(deprived, where, "deprived_area", "enabled"),
            DeprivedAreaPercent = Count(deprived, where, "deprived_area", "percent"),
            DeprivedAreaMinimum = Count(deprived, where, "deprived_area", "minimum"),
            ChildPremiumEnabled = Flag(child, where, "child_premium", "enabled"),
            ChildPremiumPoints = Count(child, where, "child_premium", "points"),
        };
    }

    private static void RequireObject(JsonElement element, string where, string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: must be a JSON object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new FormatException($"{where}: unknown property '{property.Name}'");
            }
        }
    }

    private static JsonElement Property(JsonElement element, string where, string? parent, string name)
    {
        var path = parent is null ? name : $"{parent}.{name}";
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"{where}: '{path}' is missing");
    }

    private static JsonElement Object(JsonElement element, string where, string name, string[] allowed)
    {
        var value = Property(element, where, null, name);
        RequireObject(value, $"{where}: '{name}'", allowed);
        return value;
    }

    private static string String(JsonElement element, string where, string name)
    {
        var value = Property(element, where, null, name);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"{where}: '{name}' must be a non-empty string");
    }

    private static int Count(JsonElement element, string where, string? parent, string name)
    {
        var value = Property(element, where, parent, name);
        var path = parent is null ? name : $"{parent}.{name}";
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0
            ? n
            : throw new FormatException($"{where}: '{path}' must be a whole number, zero or more");
    }

    private static bool Flag(JsonElement element, string where, string parent, string name)
    {
        var value = Property(element, where, parent, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{where}: '{parent}.{name}' must be true or false"),
        };
    }
}

using System.Globalization;
using System.Text.Json;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Runs;

/// <summary>A dataset's optional <c>manifest.json</c>: its as-of date and rule-set overrides.</summary>
/// <remarks>
/// Shape: <c>{ "as_of": "YYYY-MM-DD", "description": "...", "rule_sets": [ {rule set}, ... ] }</c>, every property
/// optional; each <c>rule_sets</c> entry has the shape of a bundled rule-set file. Other properties are ignored, so a
/// manifest may carry notes for people (the FEBRL benchmark's does).
/// </remarks>
public sealed record DatasetManifest(DateOnly? AsOf, IReadOnlyList<RuleSet> RuleSetOverrides, string? Description)
{
    public static DatasetManifest Empty { get; } = new(null, [], null);

    /// <summary>Reads a manifest; throws <see cref="FormatException"/> naming the bad property on bad JSON or values.</summary>
    public static DatasetManifest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"manifest: not valid JSON (line {e.LineNumber + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("manifest: must be a JSON object");
            }

            return new DatasetManifest(ReadAsOf(root), ReadRuleSets(root), ReadDescription(root));
        }
    }

    private static DateOnly? ReadAsOf(JsonElement root)
    {
        if (!root.TryGetProperty("as_of", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException("manifest: 'as_of' must be a date YYYY-MM-DD");
    }

    private static string? ReadDescription(JsonElement root)
    {
        if (!root.TryGetProperty("description", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException("manifest: 'description' must be a string");
    }

    private static IReadOnlyList<RuleSet> ReadRuleSets(JsonElement root)
    {
        if (!root.TryGetProperty("rule_sets", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("manifest: 'rule_sets' must be an array of rule sets");
        }

        var sets = new List<RuleSet>(value.GetArrayLength());
        var years = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var set = RuleSetJson.Read(element, string.Create(CultureInfo.InvariantCulture, $"manifest rule_sets[{index}]"));
            if (!years.Add(set.PerformanceYear))
            {
                throw new FormatException($"manifest: 'rule_sets' holds performance year {set.PerformanceYear} twice");
            }

            sets.Add(set);
            index++;
        }

        return sets;
    }
}

using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace JotMatcher.Core.Matching.Model;

/// <summary>
/// How often each surname (or forename) occurs among the customer profiles: the u of an exact agreement on that value,
/// so "smith" counts for less than "szepessy". Values seen fewer than <see cref="MinListedCount"/> times are not
/// listed: they share one <see cref="RareFrequency"/> (their mean), which keeps the model file free of any name that
/// could single a person out, and keeps it small. The same table drives the estimating run and every replay.
/// </summary>
internal sealed class TermFrequencies
{
    public const int MinListedCount = 10;

    /// <summary>The class of a profile whose frequencies were never looked up (<see cref="ClassOf"/>).</summary>
    public const ushort NoClass = 0;

    private const ushort BlankClass = 1;
    private const ushort RareClass = 2;
    private const int FirstListedClass = 3;

    private readonly FrozenDictionary<string, int> listed;

    // The distinct listed counts in ascending order, and each one's place among them.
    private readonly int[] distinctCounts;
    private readonly Dictionary<int, int> placeOfCount;

    private TermFrequencies(long profiles, double rareFrequency, IDictionary<string, int> listed)
    {
        Profiles = profiles;
        RareFrequency = rareFrequency;
        this.listed = listed.ToFrozenDictionary(StringComparer.Ordinal);
        distinctCounts = [.. listed.Values.Distinct().Order()];
        if (FirstListedClass + distinctCounts.Length > ushort.MaxValue + 1)
        {
            // Counts of at least 10 that all differ add up to more than any int-sized population has: a damaged model file.
            throw new FormatException($"term frequencies: {distinctCounts.Length} distinct counts, more than a frequency class can number");
        }

        placeOfCount = new Dictionary<int, int>(distinctCounts.Length);
        for (var i = 0; i < distinctCounts.Length; i++)
        {
            placeOfCount[distinctCounts[i]] = i;
        }
    }

    /// <summary>
    /// How many frequency classes there are: values with one class have one <see cref="FrequencyOf"/>, and a profile
    /// keeps its values' classes (two bytes each) rather than their weights (eight bytes, two for a name weighed
    /// among relatives too). Class <see cref="NoClass"/> is no value looked up; then blank, rare, and one per distinct
    /// listed count (at most a few thousand: distinct counts add up to at most the profiles counted).
    /// </summary>
    public int Classes => FirstListedClass + distinctCounts.Length;

    /// <summary>The frequency class of a value: equal classes, equal <see cref="FrequencyOf"/>.</summary>
    public ushort ClassOf(string value)
    {
        if (value.Length == 0 || Profiles == 0)
        {
            return BlankClass;
        }

        return listed.TryGetValue(value, out var count) ? (ushort)(FirstListedClass + placeOfCount[count]) : RareClass;
    }

    /// <summary><see cref="FrequencyOf"/> of the values of a class (0 for <see cref="NoClass"/>, which has none).</summary>
    public double FrequencyOfClass(int frequencyClass) => frequencyClass switch
    {
        NoClass or BlankClass => 0,
        RareClass => RareFrequency,
        _ => distinctCounts[frequencyClass - FirstListedClass] / (double)Profiles,
    };

    /// <summary>Profiles counted (the denominator).</summary>
    public long Profiles { get; }

    /// <summary>The frequency of any value not listed.</summary>
    public double RareFrequency { get; }

    public static TermFrequencies Empty { get; } = new(0, 0, new Dictionary<string, int>());

    /// <summary>The share of profiles with this exact value; 0 for a blank value (no adjustment).</summary>
    public double FrequencyOf(string value)
    {
        if (value.Length == 0 || Profiles == 0)
        {
            return 0;
        }

        return listed.TryGetValue(value, out var count) ? count / (double)Profiles : RareFrequency;
    }

    public static TermFrequencies Count(IEnumerable<string> values) => Count(values, static v => v, StringComparer.Ordinal);

    /// <summary>
    /// Counts values of any type by their text (<paramref name="text"/>; "" is a blank value): the values are tallied
    /// as themselves first, so a million dates of birth become strings once per distinct date, not once per profile.
    /// </summary>
    public static TermFrequencies Count<T>(IEnumerable<T> values, Func<T, string> text, IEqualityComparer<T>? comparer = null)
        where T : notnull
    {
        var tallies = new Dictionary<T, int>(comparer);
        long profiles = 0;
        foreach (var v in values)
        {
            profiles++;
            CollectionsMarshal.GetValueRefOrAddDefault(tallies, v, out _)++;
        }

        // Distinct values with one text (never for strings or dates, but a text need not be one-to-one) add up.
        var counts = new Dictionary<string, int>(tallies.Count, StringComparer.Ordinal);
        foreach (var (value, tally) in tallies)
        {
            var t = text(value);
            if (t.Length > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, t, out _) += tally;
            }
        }

        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        long rareValues = 0, rareOccurrences = 0;
        foreach (var (value, count) in counts)
        {
            if (count >= MinListedCount)
            {
                listed[value] = count;
            }
            else
            {
                rareValues++;
                rareOccurrences += count;
            }
        }

        var rare = profiles == 0 ? 0 : rareValues == 0 ? 1.0 / profiles : rareOccurrences / (double)rareValues / profiles;
        return new TermFrequencies(profiles, rare, listed);
    }

    public void Write(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteNumber("profiles", Profiles);
        w.WriteNumber("rare_frequency", RareFrequency);
        w.WriteNumber("min_listed_count", MinListedCount);
        w.WriteStartObject("counts");
        var values = listed.Keys.ToArray();
        Array.Sort(values, StringComparer.Ordinal);
        foreach (var v in values)
        {
            w.WriteNumber(v, listed[v]);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static TermFrequencies Read(JsonElement e)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in e.GetProperty("counts").EnumerateObject())
        {
            counts[p.Name] = p.Value.GetInt32();
        }

        return new TermFrequencies(e.GetProperty("profiles").GetInt64(), e.GetProperty("rare_frequency").GetDouble(), counts);
    }
}

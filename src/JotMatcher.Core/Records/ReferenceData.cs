namespace JotMatcher.Core.Records;

/// <summary>The dataset's reference files (SPEC §2): deprived areas and the points profile.</summary>
public sealed record ReferenceData(IReadOnlySet<string> DeprivedAreas, IReadOnlyList<ProfileEntry> Profile)
{
    public static ReferenceData Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal), []);
}

/// <summary>Target points for a district in a month (<c>YYYY-MM</c>).</summary>
public sealed record ProfileEntry(string DistrictCode, string Month, int Points);

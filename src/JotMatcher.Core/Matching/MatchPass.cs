namespace JotMatcher.Core.Matching;

/// <summary>The matching passes of SPEC §3, in the order they run.</summary>
public enum MatchPass : byte
{
    Deterministic = 0,
    FuzzyNino = 1,
    Probabilistic = 2,
}

public static class MatchPassNames
{
    /// <summary>The name used in exports and the database: <c>deterministic</c>, <c>fuzzy_nino</c>, <c>probabilistic</c>.</summary>
    public static string ToExportName(this MatchPass pass) => pass switch
    {
        MatchPass.Deterministic => "deterministic",
        MatchPass.FuzzyNino => "fuzzy_nino",
        MatchPass.Probabilistic => "probabilistic",
        _ => throw new ArgumentOutOfRangeException(nameof(pass)),
    };

    public static MatchPass FromExportName(string name) => name switch
    {
        "deterministic" => MatchPass.Deterministic,
        "fuzzy_nino" => MatchPass.FuzzyNino,
        "probabilistic" => MatchPass.Probabilistic,
        _ => throw new ArgumentOutOfRangeException(nameof(name), "unknown match method"),
    };
}

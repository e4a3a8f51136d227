namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// The blocking rules of the probabilistic pass. Each leaves out a different field, so one noisy field never hides a
/// true pair: a date-of-birth typo is caught by the name rules, a misspelt surname by date of birth, a swapped
/// forename/surname by the unordered name pair, a missing date of birth by name or postcode, a prefix typo by the digits.
/// </summary>
internal static class BlockingRules
{
    public const string NinoOneEditName = "nino_one_edit";

    /// <summary>Diagnostics key for the candidate pairs left once the rules' overlaps are removed (the pairs scored).</summary>
    public const string DistinctPairsName = "distinct_pairs";

    public static readonly BlockingRule[] All =
    [
        new("date_of_birth", p => p.DobDay == IdentityProfile.NoDate ? 0 : p.DobDay + 1L),
        new("surname_soundex_birth_year", p => p.SurnameSoundex == 0 || p.DobYmd == IdentityProfile.NoDate ? 0 : KeyHash.Of(p.SurnameSoundex, p.BirthYear)),
        new("forename_soundex_birth_day_month", p => p.ForenameSoundex == 0 || p.DobYmd == IdentityProfile.NoDate ? 0 : KeyHash.Of(p.ForenameSoundex, p.BirthMonthDay)),
        new("name_pair_soundex", p => p.SurnameSoundex == 0 || p.ForenameSoundex == 0 ? 0
            : KeyHash.Of(Math.Min(p.SurnameSoundex, p.ForenameSoundex), Math.Max(p.SurnameSoundex, p.ForenameSoundex))),
        new("postcode_forename_initial", p => p.Postcode.IsMissing || p.Forename.Length == 0 ? 0
            : KeyHash.Of(p.Postcode.Full.Length > 0 ? p.Postcode.Full : p.Postcode.Outward, p.Forename[0])),
        new("nino_digits", p => p.Stem == 0 ? 0 : NinoStem.Digits(p.Stem) + 1),
    ];
}

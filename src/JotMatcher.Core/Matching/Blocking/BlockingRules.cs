namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// The blocking rules of the probabilistic pass. Each joins two fields that usually survive noise and leaves the
/// others free, so one or two noisy fields never hide a true pair: a changed surname is caught by date of birth with the
/// forename, a date-of-birth typo by the names, a move by the names or the date of birth, a swapped forename/surname by
/// the unordered name pair, a missing date of birth by name and postcode, a mistyped NINo prefix by its digits. Pairing
/// fields keeps blocks small at a million customers — no key is as common as a date of birth alone, and a placeholder
/// date shared by thousands still splits by name and postcode.
/// </summary>
internal static class BlockingRules
{
    public const string NinoOneEditName = "nino_one_edit";

    /// <summary>Diagnostics key for the candidate pairs left once the rules' overlaps are removed (the pairs scored).</summary>
    public const string DistinctPairsName = "distinct_pairs";

    public static readonly BlockingRule[] All =
    [
        new("dob_surname_soundex", p => p.DobYmd == IdentityProfile.NoDate || p.SurnameSoundex == 0 ? 0 : KeyHash.Of(p.DobYmd, p.SurnameSoundex)),
        new("dob_forename_initial", p => p.DobYmd == IdentityProfile.NoDate || p.Forename.Length == 0 ? 0 : KeyHash.Of(p.DobYmd, p.Forename[0])),
        new("dob_postcode_outward", p => p.DobYmd == IdentityProfile.NoDate || p.Postcode.IsMissing ? 0 : KeyHash.Of(p.Postcode.Outward, p.DobYmd)),
        new("dob_initials_unordered", p => p.DobYmd == IdentityProfile.NoDate || p.Surname.Length == 0 || p.Forename.Length == 0 ? 0
            : KeyHash.Of(p.DobYmd, Math.Min(p.Surname[0], p.Forename[0]), Math.Max(p.Surname[0], p.Forename[0]))),
        new("name_pair_soundex", p => p.SurnameSoundex == 0 || p.ForenameSoundex == 0 ? 0
            : KeyHash.Of(Math.Min(p.SurnameSoundex, p.ForenameSoundex), Math.Max(p.SurnameSoundex, p.ForenameSoundex))),
        new("surname_soundex_postcode_outward", p => p.SurnameSoundex == 0 || p.Postcode.IsMissing ? 0 : KeyHash.Of(p.Postcode.Outward, p.SurnameSoundex)),
        new("forename_soundex_postcode_outward", p => p.ForenameSoundex == 0 || p.Postcode.IsMissing ? 0 : KeyHash.Of(p.Postcode.Outward, -p.ForenameSoundex)),
        new("surname_soundex_birth_year", p => p.SurnameSoundex == 0 || p.DobYmd == IdentityProfile.NoDate ? 0 : KeyHash.Of(p.SurnameSoundex, p.BirthYear)),
        new("nino_digits", p => p.Stem == 0 ? 0 : NinoStem.Digits(p.Stem) + 1),
    ];
}

namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// The blocking rules of the probabilistic pass. Each joins fields that usually survive noise and leaves the others
/// free, so one or two noisy fields never hide a true pair: a changed surname is caught by date of birth with the
/// forename, a moved address by the names with the date of birth, a date-of-birth typo by the names with the birth
/// year or with the day and month (one typo cannot change both) — and by the surname with the forename's first letter
/// only, so an initial or a nickname (J for Janet, Stu for Stuart) still meets the full name beside the typo — swapped
/// names by the unordered initials or name pair, a missing date of birth by the names (or the spelt surname with the
/// forename's initial, for Pam, Jon or D.) or the postcode, a mistyped NINo prefix by its digits, a missing date of
/// birth with a nickname, swapped names or a new surname by the full postcode. Every other key joins at least two
/// fields so blocks stay small at a million customers: no key is as common as a date of birth or a name alone (a
/// placeholder date shared by thousands still splits by name and postcode), except where a record lacks the date. A
/// full postcode alone is already small: a unit is a street or part of one, a few dozen people of whom few claim at once.
/// </summary>
internal static class BlockingRules
{
    public const string NinoOneEditName = "nino_one_edit";

    /// <summary>Diagnostics key for the candidate pairs left once the rules' overlaps are removed (the pairs scored).</summary>
    public const string DistinctPairsName = "distinct_pairs";

    public static readonly BlockingRule[] All =
    [
        new("dob_surname_soundex", p => HasDob(p) && p.SurnameSoundex != 0 ? KeyHash.Of(p.DobYmd, p.SurnameSoundex) : 0),
        new("dob_forename_initial", p => HasDob(p) && p.Forename.Length > 0 ? KeyHash.Of(p.DobYmd, p.Forename[0]) : 0),
        new("dob_initials_unordered", p => HasDob(p) && p.Surname.Length > 0 && p.Forename.Length > 0
            ? KeyHash.Of(p.DobYmd, Math.Min(p.Surname[0], p.Forename[0]), Math.Max(p.Surname[0], p.Forename[0])) : 0),
        new("dob_postcode_outward", p => HasDob(p) && !p.Postcode.IsMissing ? KeyHash.Of(p.Postcode.Outward, p.DobYmd) : 0),
        new("surname_soundex_postcode_outward", p => p.SurnameSoundex != 0 && !p.Postcode.IsMissing ? KeyHash.Of(p.Postcode.Outward, p.SurnameSoundex) : 0),
        new("forename_soundex_postcode_outward", p => p.ForenameSoundex != 0 && !p.Postcode.IsMissing ? KeyHash.Of(p.Postcode.Outward, -p.ForenameSoundex) : 0),
        new("name_pair_soundex_birth_year", p => HasDob(p) ? NamePair(p, p.BirthYear) : 0),
        new("name_pair_soundex_birth_day_month", p => HasDob(p) ? NamePair(p, -p.BirthMonthDay) : 0),
        new("surname_soundex_forename_initial_birth_year", p => HasDob(p) ? SurnameCodeAndInitial(p, p.BirthYear) : 0),
        new("surname_soundex_forename_initial_birth_day_month", p => HasDob(p) ? SurnameCodeAndInitial(p, -p.BirthMonthDay) : 0),
        new("name_pair_soundex_hmrc_dob_missing", p => NamePair(p, 0), e => HasDob(e) ? 0 : NamePair(e, 0)),
        new("name_pair_soundex_customer_dob_missing", p => HasDob(p) ? 0 : NamePair(p, 0), e => NamePair(e, 0)),
        new("surname_forename_initial_hmrc_dob_missing", SpeltSurnameAndInitial, e => HasDob(e) ? 0 : SpeltSurnameAndInitial(e)),
        new("surname_forename_initial_customer_dob_missing", p => HasDob(p) ? 0 : SpeltSurnameAndInitial(p), SpeltSurnameAndInitial),
        new("postcode_full", p => p.Postcode.IsFull ? KeyHash.Of(p.Postcode.Full, 0) : 0),
        new("nino_digits", p => p.Stem == 0 ? 0 : NinoStem.Digits(p.Stem) + 1),
    ];

    private static bool HasDob(IdentityProfile p) => p.DobYmd != IdentityProfile.NoDate;

    // The surname as spelt with the forename's first letter, for a record without a date of birth: an initial or a
    // nickname (Pam, Jon, D.) then meets the full name. Spelt, not coded: a block is a surname's bearers of one initial.
    private static long SpeltSurnameAndInitial(IdentityProfile p)
        => p.Surname.Length == 0 || p.Forename.Length == 0 ? 0 : KeyHash.Of(p.Surname, p.Forename[0]);

    // The surname code with the forename's first letter: an initial or a nickname's first letter meets the full name.
    private static long SurnameCodeAndInitial(IdentityProfile p, int with)
        => p.SurnameSoundex == 0 || p.Forename.Length == 0 ? 0 : KeyHash.Of(p.SurnameSoundex, p.Forename[0] + 1, with);

    // The surname and forename codes unordered, so swapped names share the key.
    private static long NamePair(IdentityProfile p, int with)
        => p.SurnameSoundex == 0 || p.ForenameSoundex == 0 ? 0
            : KeyHash.Of(Math.Min(p.SurnameSoundex, p.ForenameSoundex), Math.Max(p.SurnameSoundex, p.ForenameSoundex), with);
}

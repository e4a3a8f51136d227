namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// The blocking rules of the probabilistic pass. Each joins fields that usually survive noise and leaves the others
/// free, so one or two noisy fields never hide a true pair: a changed surname is caught by date of birth with the
/// forename code, a moved address by the names with the date of birth, a date-of-birth typo by the names with the birth
/// year or with the day and month (one typo cannot change both) — and by the surname code with the forename's first
/// letter and the birth year and month or the day and month, so an initial or a nickname (J for Janet, Stu for Stuart)
/// still meets the full name beside a typo in the day or the year —
/// swapped names by the unordered initials or name pair, a missing date of birth by the names, by the spelt surname
/// with the forename's initial in the same postcode area (Pam, Jon or D. for Pamela, Jonathan or David) or by the
/// postcode, a mistyped NINo prefix by its digits, a missing date of birth with a nickname, swapped names or a new
/// surname by the full postcode.
/// <para>
/// Every key joins enough that its blocks stay small as the population grows: a rule's pairs grow with the number of
/// records times the size of its blocks, so a key as coarse as a date of birth with a forename initial, or a name code
/// with a postcode district, makes the pass quadratic (at a million people those three rules gave 5.9 of 6.8 million
/// pairs; with the forename code, the initial added, and the district rule kept for records lacking a date of birth,
/// 0.7 million, for the same links). A full postcode alone is already small: a unit is a street or part of one.
/// </para>
/// <para>
/// Even so, a key of common fields (a date of birth with a name code) is shared by more strangers the larger the
/// population, and at a million people nine in ten distinct pairs were such strangers, each met through one rule
/// alone, while a true pair shares the keys of seven rules on average. So a pair one rule alone finds is kept only
/// from a block of at most <see cref="MatchingSettings.SingleRuleBlockLimit"/> customer variants (unless the rule's key
/// is small by nature; a record without a date of birth, which fewer rules can find, has a larger limit): a record with
/// two noisy fields, which only one rule still catches, is still found when its key names it nearly alone, and a block
/// of strangers sharing a birthday and a name code is no longer scored pair by pair.
/// </para>
/// </summary>
internal static class BlockingRules
{
    public const string NinoOneEditName = "nino_one_edit";

    /// <summary>Diagnostics key for the candidate pairs left once the rules' overlaps are removed (the pairs scored).</summary>
    public const string DistinctPairsName = "distinct_pairs";

    public static readonly BlockingRule[] All =
    [
        new("dob_surname_soundex", (in p) => HasDob(p) && p.SurnameSoundex != 0 ? KeyHash.Of(p.DobYmd, p.SurnameSoundex) : 0),
        new("dob_forename_soundex", (in p) => HasDob(p) && p.ForenameSoundex != 0 ? KeyHash.Of(p.DobYmd, -p.ForenameSoundex) : 0),
        new("dob_initials_unordered", (in p) => HasDob(p) && p.Surname.Length > 0 && p.Forename.Length > 0
            ? KeyHash.Of(p.DobYmd, Math.Min(p.Surname[0], p.Forename[0]), Math.Max(p.Surname[0], p.Forename[0])) : 0),
        new("dob_postcode_outward", (in p) => HasDob(p) && !p.Postcode.IsMissing ? KeyHash.Of(p.Postcode.Outward, p.DobYmd) : 0),
        new("surname_soundex_initial_postcode_outward", (in p) => p.SurnameSoundex != 0 && p.Forename.Length > 0 && !p.Postcode.IsMissing
            ? KeyHash.Of(p.Postcode.Outward, p.SurnameSoundex * 32 + (p.Forename[0] - 'a')) : 0),
        new("forename_soundex_postcode_outward_hmrc_dob_missing", ForenamePostcode, (in e) => HasDob(e) ? 0 : ForenamePostcode(e), ForRecordsWithoutDateOfBirth: true),
        new("forename_soundex_postcode_outward_customer_dob_missing", (in p) => HasDob(p) ? 0 : ForenamePostcode(p), ForenamePostcode),
        new("name_pair_soundex_birth_year", (in p) => HasDob(p) ? NamePair(p, p.BirthYear) : 0),
        new("name_pair_soundex_birth_day_month", (in p) => HasDob(p) ? NamePair(p, -p.BirthMonthDay) : 0),
        new("surname_soundex_forename_initial_birth_year_month", (in p) => HasDob(p) ? SurnameCodeAndInitial(p, p.DobYmd / 100) : 0),
        new("surname_soundex_forename_initial_birth_day_month", (in p) => HasDob(p) ? SurnameCodeAndInitial(p, -p.BirthMonthDay) : 0),
        new("name_pair_soundex_hmrc_dob_missing", (in p) => NamePair(p, 0), (in e) => HasDob(e) ? 0 : NamePair(e, 0), ForRecordsWithoutDateOfBirth: true),
        new("name_pair_soundex_customer_dob_missing", (in p) => HasDob(p) ? 0 : NamePair(p, 0), (in e) => NamePair(e, 0)),
        new("surname_initial_postcode_area_hmrc_dob_missing", SpeltSurnameInitialArea, (in e) => HasDob(e) ? 0 : SpeltSurnameInitialArea(e), ForRecordsWithoutDateOfBirth: true),
        new("surname_initial_postcode_area_customer_dob_missing", (in p) => HasDob(p) ? 0 : SpeltSurnameInitialArea(p), SpeltSurnameInitialArea),
        new("postcode_full", (in p) => p.Postcode.IsFull ? KeyHash.Of(p.Postcode.Full, 0) : 0, KeyAloneSuffices: true),
        new("nino_digits", (in p) => p.Stem == 0 ? 0 : NinoStem.Digits(p.Stem) + 1, KeyAloneSuffices: true),
    ];

    private static bool HasDob(in IdentityProfile p) => p.DobYmd != IdentityProfile.NoDate;

    private static long ForenamePostcode(in IdentityProfile p)
        => p.ForenameSoundex != 0 && !p.Postcode.IsMissing ? KeyHash.Of(p.Postcode.Outward, -p.ForenameSoundex) : 0;

    // The surname as spelt with the forename's first letter and the postcode area, for a record without a date of
    // birth: an initial or a nickname (Pam, Jon, D.) then meets the full name nearby. The area keeps the block to one
    // surname's bearers of one initial in one area (a few at a million people), not the whole country's.
    private static long SpeltSurnameInitialArea(in IdentityProfile p)
    {
        var area = p.Postcode.Area;
        if (p.Surname.Length == 0 || p.Forename.Length == 0 || area.Length == 0)
        {
            return 0;
        }

        var areaCode = (area[0] * 128) + (area.Length > 1 ? area[1] : 0);
        return KeyHash.Of(p.Surname, (p.Forename[0] * 65536) + areaCode);
    }

    // The surname code with the forename's first letter: an initial or a nickname's first letter meets the full name.
    private static long SurnameCodeAndInitial(in IdentityProfile p, int with)
        => p.SurnameSoundex == 0 || p.Forename.Length == 0 ? 0 : KeyHash.Of(p.SurnameSoundex, p.Forename[0] + 1, with);

    // The surname and forename codes unordered, so swapped names share the key.
    private static long NamePair(in IdentityProfile p, int with)
        => p.SurnameSoundex == 0 || p.ForenameSoundex == 0 ? 0
            : KeyHash.Of(Math.Min(p.SurnameSoundex, p.ForenameSoundex), Math.Max(p.SurnameSoundex, p.ForenameSoundex), with);
}

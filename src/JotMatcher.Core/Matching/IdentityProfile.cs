using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// One identity as the matcher compares it, preprocessed once: normalised name tokens, phonetic codes, the date of
/// birth as a day number and as YYYYMMDD, postcode parts, sex and the packed NINo stem. For a customer there is one
/// profile per distinct identity variant across its spells; <see cref="Owner"/> is the customer's index.
/// <para>
/// Millions are held through a whole match, so a profile is kept small: everything a name yields (the joined surname,
/// the first forename, their masks, the forename's variants...) is read through the surname's and the forenames'
/// <see cref="NameForms"/>, shared by every profile that recorded the same value, not copied into each profile. Copies
/// made a profile 144 bytes instead of 112 (104 now) (60 MB more at 1M people) and did not make matching measurably faster: the
/// forms of common names stay in cache.
/// </para>
/// </summary>
internal sealed class IdentityProfile
{
    public const int NoDate = -1;

    private readonly NameForms surnameForms;
    private readonly NameForms forenameForms;

    // The postcode's parts as three fields rather than a PostcodeParts field, which would take 16 bytes on its own:
    // the two small ones pack with Sex into the profile's spare bytes (104 bytes a profile, not 112).
    private readonly string postcodeText;
    private readonly byte postcodeOutwardLength;
    private readonly bool postcodeIsFull;

    private IdentityProfile(int owner, NameForms surname, NameForms forenames, int dobDay, int dobYmd, PostcodeParts postcode, Sex sex, long stem)
    {
        Owner = owner;
        surnameForms = surname;
        forenameForms = forenames;
        DobDay = dobDay;
        DobYmd = dobYmd;
        postcodeText = postcode.Text;
        postcodeOutwardLength = checked((byte)postcode.OutwardLength);
        postcodeIsFull = postcode.IsFull;
        Sex = sex;
        Stem = stem;
    }

    public int Owner { get; }

    /// <summary>Surname letters joined without separators ("smith-jones" → "smithjones").</summary>
    public string Surname => surnameForms.Joined;

    /// <summary>Letter masks of <see cref="Surname"/>, <see cref="Forename"/> and <see cref="ForenamesJoined"/> (Jaro-Winkler bounds).</summary>
    public int SurnameMask => surnameForms.JoinedMask;

    public int ForenameMask => forenameForms.FirstMask;

    public int ForenamesJoinedMask => forenameForms.JoinedMask;

    /// <summary>The parts of a double-barrelled surname; empty for a single-part surname. Shared: never written to.</summary>
    public string[] SurnameParts => surnameForms.Tokens.Length > 1 ? surnameForms.Tokens : [];

    public string Forename => forenameForms.First;

    /// <summary>The surname read as a forename, for swapped names: its first part ("liam" of "Liam Paul" recorded as the surname).</summary>
    public string SurnameFirstPart => surnameForms.First;

    public int SurnameFirstPartMask => surnameForms.FirstMask;

    /// <summary>Nickname groups and variant initials of <see cref="SurnameFirstPart"/>.</summary>
    public ForenameVariants SurnameVariants => surnameForms.FirstVariants;

    /// <summary>The first forename's nickname groups and variant initials.</summary>
    public ForenameVariants Forenames => forenameForms.FirstVariants;

    /// <summary>The forename tokens. Shared: never written to.</summary>
    public string[] ForenameTokens => forenameForms.Tokens;

    /// <summary>All forename tokens joined without separators ("slack-smith" → "slacksmith"), for swap checks.</summary>
    public string ForenamesJoined => forenameForms.Joined;

    public int SurnameSoundex => surnameForms.JoinedSoundex;

    public int ForenameSoundex => forenameForms.FirstSoundex;

    /// <summary><see cref="DateOnly.DayNumber"/> of the date of birth, or <see cref="NoDate"/>.</summary>
    public int DobDay { get; }

    /// <summary>The date of birth as the integer YYYYMMDD, or <see cref="NoDate"/>.</summary>
    public int DobYmd { get; }

    public PostcodeParts Postcode => new(postcodeText, postcodeOutwardLength, postcodeIsFull);

    public Sex Sex { get; }

    /// <summary>The valid NINo stem (letters and digits, suffix ignored) packed by <see cref="NinoStem"/>; 0 when none.</summary>
    public long Stem { get; }

    /// <summary>
    /// The frequency classes of this customer's own values, which pick its exact-agreement weights (term-frequency
    /// adjusted); set from the model before scoring.
    /// </summary>
    public Model.ExactWeightClasses ExactClasses { get; set; }

    public int BirthYear => DobYmd / 10000;

    public int BirthMonthDay => DobYmd % 10000;

    public static IdentityProfile Create(int owner, string surname, string forenames, DateOnly? dob, Sex sex, string postcode, Identity.Nino nino,
        NameForms.Cache? names = null)
    {
        // Everything derived from a name comes from its forms: with a run's cache, a profile allocates only itself and
        // its postcode.
        return new IdentityProfile(
            owner,
            names?.Of(surname) ?? NameForms.Of(surname),
            names?.Of(forenames) ?? NameForms.Of(forenames),
            dob?.DayNumber ?? NoDate,
            dob is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : NoDate,
            PostcodeParts.Parse(postcode),
            sex,
            NinoStem.Pack(nino));
    }
}

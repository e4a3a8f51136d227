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
/// made a profile 32 bytes larger (60 MB more at 1M people) and did not make matching measurably faster: the forms of
/// common names stay in cache.
/// </para>
/// <para>
/// A value, not an object: the profiles sit side by side in the arrays that hold them (56 bytes each, where an object
/// was 72 bytes and an 8-byte reference to it), so the collector has millions fewer objects to mark at every full
/// collection, and a scan over the profiles reads them in order. They are read where they lie (<c>in</c> parameters,
/// <c>ref readonly</c> locals) rather than copied; only <see cref="ExactClasses"/> is ever written, on the array's own
/// element.
/// </para>
/// </summary>
internal struct IdentityProfile
{
    public const int NoDate = -1;

    private readonly NameForms surnameForms;
    private readonly NameForms forenameForms;

    // The postcode's parts as three fields rather than a PostcodeParts field, which would take 16 bytes on its own:
    // the two small ones pack with Sex into the profile's spare bytes.
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

    public readonly int Owner { get; }

    /// <summary>Surname letters joined without separators ("smith-jones" → "smithjones").</summary>
    public readonly string Surname => surnameForms.Joined;

    /// <summary>Letter masks of <see cref="Surname"/>, <see cref="Forename"/> and <see cref="ForenamesJoined"/> (Jaro-Winkler bounds).</summary>
    public readonly int SurnameMask => surnameForms.JoinedMask;

    public readonly int ForenameMask => forenameForms.FirstMask;

    public readonly int ForenamesJoinedMask => forenameForms.JoinedMask;

    /// <summary>The parts of a double-barrelled surname; empty for a single-part surname. Shared: never written to.</summary>
    public readonly string[] SurnameParts => surnameForms.Tokens.Length > 1 ? surnameForms.Tokens : [];

    public readonly string Forename => forenameForms.First;

    /// <summary>The surname read as a forename, for swapped names: its first part ("liam" of "Liam Paul" recorded as the surname).</summary>
    public readonly string SurnameFirstPart => surnameForms.First;

    public readonly int SurnameFirstPartMask => surnameForms.FirstMask;

    /// <summary>Nickname groups and variant initials of <see cref="SurnameFirstPart"/>.</summary>
    public readonly ForenameVariants SurnameVariants => surnameForms.FirstVariants;

    /// <summary>The first forename's nickname groups and variant initials.</summary>
    public readonly ForenameVariants Forenames => forenameForms.FirstVariants;

    /// <summary>The forename tokens. Shared: never written to.</summary>
    public readonly string[] ForenameTokens => forenameForms.Tokens;

    /// <summary>All forename tokens joined without separators ("slack-smith" → "slacksmith"), for swap checks.</summary>
    public readonly string ForenamesJoined => forenameForms.Joined;

    public readonly int SurnameSoundex => surnameForms.JoinedSoundex;

    public readonly int ForenameSoundex => forenameForms.FirstSoundex;

    /// <summary><see cref="DateOnly.DayNumber"/> of the date of birth, or <see cref="NoDate"/>.</summary>
    public readonly int DobDay { get; }

    /// <summary>The date of birth as the integer YYYYMMDD, or <see cref="NoDate"/>.</summary>
    public readonly int DobYmd { get; }

    public readonly PostcodeParts Postcode => new(postcodeText, postcodeOutwardLength, postcodeIsFull);

    public readonly Sex Sex { get; }

    /// <summary>The valid NINo stem (letters and digits, suffix ignored) packed by <see cref="NinoStem"/>; 0 when none.</summary>
    public readonly long Stem { get; }

    /// <summary>
    /// The frequency classes of this customer's own values, which pick its exact-agreement weights (term-frequency
    /// adjusted); set from the model before scoring.
    /// </summary>
    public Model.ExactWeightClasses ExactClasses { readonly get; set; }

    public readonly int BirthYear => DobYmd / 10000;

    public readonly int BirthMonthDay => DobYmd % 10000;

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

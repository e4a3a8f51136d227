using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Matching;

/// <summary>
/// One identity as the matcher compares it, preprocessed once: normalised name tokens, phonetic codes, the date of
/// birth as a day number and as YYYYMMDD, postcode parts, sex and the packed NINo stem. For a customer there is one
/// profile per distinct identity variant across its spells; <see cref="Owner"/> is the customer's index.
/// </summary>
internal sealed class IdentityProfile
{
    public const int NoDate = -1;

    public required int Owner { get; init; }

    /// <summary>Surname letters joined without separators ("smith-jones" → "smithjones").</summary>
    public required string Surname { get; init; }

    /// <summary>Letter masks of <see cref="Surname"/>, <see cref="Forename"/> and <see cref="ForenamesJoined"/> (Jaro-Winkler bounds).</summary>
    public required int SurnameMask { get; init; }

    public required int ForenameMask { get; init; }

    public required int ForenamesJoinedMask { get; init; }

    /// <summary>The parts of a double-barrelled surname; empty for a single-part surname.</summary>
    public required string[] SurnameParts { get; init; }

    public required string Forename { get; init; }

    /// <summary>The surname read as a forename, for swapped names: its first part ("liam" of "Liam Paul" recorded as the surname).</summary>
    public required string SurnameFirstPart { get; init; }

    public required int SurnameFirstPartMask { get; init; }

    /// <summary>Nickname groups and variant initials of <see cref="SurnameFirstPart"/>.</summary>
    public required ForenameVariants SurnameVariants { get; init; }

    /// <summary>The first forename's nickname groups and variant initials.</summary>
    public required ForenameVariants Forenames { get; init; }

    public required string[] ForenameTokens { get; init; }

    /// <summary>All forename tokens joined without separators ("slack-smith" → "slacksmith"), for swap checks.</summary>
    public required string ForenamesJoined { get; init; }

    public required int SurnameSoundex { get; init; }

    public required int ForenameSoundex { get; init; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the date of birth, or <see cref="NoDate"/>.</summary>
    public required int DobDay { get; init; }

    /// <summary>The date of birth as the integer YYYYMMDD, or <see cref="NoDate"/>.</summary>
    public required int DobYmd { get; init; }

    public required PostcodeParts Postcode { get; init; }

    public required Sex Sex { get; init; }

    /// <summary>The valid NINo stem (letters and digits, suffix ignored) packed by <see cref="NinoStem"/>; 0 when none.</summary>
    public required long Stem { get; init; }

    /// <summary>Weights of exact agreement on this customer's own values (term-frequency adjusted); set from the model before scoring.</summary>
    public Model.ExactAgreementWeights ExactWeights { get; set; }

    public int BirthYear => DobYmd / 10000;

    public int BirthMonthDay => DobYmd % 10000;

    public static IdentityProfile Create(int owner, string surname, string forenames, DateOnly? dob, Sex sex, string postcode, Identity.Nino nino,
        NameForms.Cache? names = null)
    {
        // Everything derived from a name comes from its shared forms: with a run's cache, a profile allocates only
        // itself and its postcode.
        var s = names?.Of(surname) ?? NameForms.Of(surname);
        var f = names?.Of(forenames) ?? NameForms.Of(forenames);
        return new IdentityProfile
        {
            Owner = owner,
            Surname = s.Joined,
            SurnameParts = s.Tokens.Length > 1 ? s.Tokens : [],
            Forename = f.First,
            SurnameFirstPart = s.First,
            SurnameFirstPartMask = s.FirstMask,
            SurnameVariants = s.FirstVariants,
            Forenames = f.FirstVariants,
            ForenameTokens = f.Tokens,
            ForenamesJoined = f.Joined,
            SurnameMask = s.JoinedMask,
            ForenameMask = f.FirstMask,
            ForenamesJoinedMask = f.JoinedMask,
            SurnameSoundex = s.JoinedSoundex,
            ForenameSoundex = f.FirstSoundex,
            DobDay = dob?.DayNumber ?? NoDate,
            DobYmd = dob is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : NoDate,
            Postcode = PostcodeParts.Parse(postcode),
            Sex = sex,
            Stem = NinoStem.Pack(nino),
        };
    }
}

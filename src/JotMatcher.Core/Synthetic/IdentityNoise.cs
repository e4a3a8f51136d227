using System.Globalization;
using System.Text;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// Turns a person's true identity into what one record of it says, applying each kind of SPEC §3 noise with its
/// configured probability and counting every chance taken or not. Within a group of alternatives (a NINo is either
/// missing, temporary, invalid, mistyped or transposed) the kinds are tried in turn, so each kind's count over its
/// chances estimates its configured rate.
/// </summary>
internal sealed class IdentityNoise(NoiseRates rates, NoiseCounts counts)
{
    private static readonly string[] InvalidPrefixes = ["DA", "FY", "QQ", "BG", "GB", "NK", "KN", "NT", "ZZ", "AO", "VE", "ID"];
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public RecordedIdentity Record(ref SyntheticRandom random, SyntheticPerson person, NoiseSide side)
    {
        var (surname, forenames) = Names(ref random, person, side);
        return new RecordedIdentity(
            Nino(ref random, person, side),
            surname,
            forenames,
            DateOfBirth(ref random, person.DateOfBirth, side),
            Happens(ref random, NoiseKind.SexMissing, side) ? "" : person.Female ? "F" : "M",
            Postcode(ref random, person, side));
    }

    private bool Happens(ref SyntheticRandom random, NoiseKind kind, NoiseSide side)
        => counts.Record(kind, side, random.Chance(rates.Of(kind, side)));

    private (string Surname, string Forenames) Names(ref SyntheticRandom random, SyntheticPerson person, NoiseSide side)
    {
        var surname = Happens(ref random, NoiseKind.SurnameChange, side) ? person.OtherSurname : person.Surname;
        if (Happens(ref random, NoiseKind.DoubleBarrelled, side))
        {
            surname = DoubleBarrel(ref random, surname, person.OtherSurname);
        }

        var first = person.Forename.Formal;
        var middle = person.MiddleName;
        if (middle.Length > 0 && Happens(ref random, NoiseKind.MiddleNameDropped, side))
        {
            middle = "";
        }

        var initials = false;
        if (person.Forename.Diminutives.Length > 0 && Happens(ref random, NoiseKind.Nickname, side))
        {
            first = random.Pick(person.Forename.Diminutives);
        }
        else if (Happens(ref random, NoiseKind.Initials, side))
        {
            initials = true;
            first = random.Chance(0.2) ? first[..1] + "." : first[..1];
            middle = middle.Length > 0 ? middle[..1] : "";
        }

        if (Happens(ref random, NoiseKind.SurnameTypo, side))
        {
            surname = Typo(ref random, surname);
        }

        if (!initials && Happens(ref random, NoiseKind.ForenameTypo, side))
        {
            first = Typo(ref random, first);
        }

        var forenames = middle.Length == 0 ? first : first + " " + middle;
        if (Happens(ref random, NoiseKind.NameSwap, side))
        {
            (surname, forenames) = (forenames, surname);
        }

        // The usual case of each side: the Jobcentre system keeps names as typed, HMRC's feed in capitals.
        var upper = side == NoiseSide.Hmrc;
        if (Happens(ref random, NoiseKind.NameCase, side))
        {
            upper = !upper;
            if (random.Chance(0.3))
            {
                surname = surname.ToLowerInvariant();
                forenames = forenames.ToLowerInvariant();
                upper = false;
            }
        }

        if (upper)
        {
            surname = surname.ToUpperInvariant();
            forenames = forenames.ToUpperInvariant();
        }

        if (Happens(ref random, NoiseKind.NameSpacing, side))
        {
            forenames = forenames.Contains(' ', StringComparison.Ordinal) ? forenames.Replace(" ", "  ", StringComparison.Ordinal) : " " + forenames;
            surname += " ";
        }

        return (surname, forenames);
    }

    private static string DoubleBarrel(ref SyntheticRandom random, string surname, string other)
    {
        var hyphen = surname.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0)
        {
            // A double-barrelled name recorded by one part, or with a space for the hyphen.
            return random.Next(3) switch
            {
                0 => surname[..hyphen],
                1 => surname[(hyphen + 1)..],
                _ => surname.Replace('-', ' '),
            };
        }

        return random.Chance(0.5) ? surname + "-" + other : other + "-" + surname;
    }

    /// <summary>One keying slip: a letter replaced, dropped, doubled, or two neighbours swapped.</summary>
    private static string Typo(ref SyntheticRandom random, string name)
    {
        if (name.Length < 3)
        {
            return name + "e";
        }

        var i = random.Between(1, name.Length - 2);
        var letter = char.IsUpper(name[i]) ? Letters[random.Next(26)] : char.ToLowerInvariant(Letters[random.Next(26)]);
        return random.Next(4) switch
        {
            0 => string.Concat(name.AsSpan(0, i), [letter], name.AsSpan(i + 1)),
            1 => string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1)),
            2 => string.Concat(name.AsSpan(0, i + 1), name.AsSpan(i)),
            _ => string.Concat(name.AsSpan(0, i), [name[i + 1], name[i]], name.AsSpan(i + 2)),
        };
    }

    private string Nino(ref SyntheticRandom random, SyntheticPerson person, NoiseSide side)
    {
        if (Happens(ref random, NoiseKind.NinoMissing, side))
        {
            return "";
        }

        if (Happens(ref random, NoiseKind.NinoTemporary, side))
        {
            return "TN" + person.DateOfBirth.ToString("ddMMyy", CultureInfo.InvariantCulture) + (person.Female ? "F" : "M");
        }

        var nino = person.Nino;
        if (Happens(ref random, NoiseKind.NinoInvalidPrefix, side))
        {
            nino = random.Pick(InvalidPrefixes) + nino[2..];
        }
        else if (Happens(ref random, NoiseKind.NinoSubstitution, side))
        {
            nino = Substitute(ref random, nino);
        }
        else if (Happens(ref random, NoiseKind.NinoTransposition, side))
        {
            nino = Transpose(ref random, nino);
        }

        if (side == NoiseSide.Hmrc && Happens(ref random, NoiseKind.NinoSuffixMissing, side))
        {
            nino = nino[..8];
        }

        return Happens(ref random, NoiseKind.NinoFormatting, side) ? Format(ref random, nino) : nino;
    }

    private static string Substitute(ref SyntheticRandom random, string nino)
    {
        var chars = nino.ToCharArray();
        if (random.Chance(0.85))
        {
            var i = random.Between(2, 7);
            chars[i] = (char)('0' + ((chars[i] - '0' + random.Between(1, 9)) % 10));
        }
        else
        {
            var i = random.Next(2);
            chars[i] = (char)('A' + ((chars[i] - 'A' + random.Between(1, 25)) % 26));
        }

        return new string(chars);
    }

    private static string Transpose(ref SyntheticRandom random, string nino)
    {
        var chars = nino.ToCharArray();

        // Swap two different neighbouring digits; six equal digits cannot be transposed visibly, so swap prefix letters.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var i = random.Between(2, 6);
            if (chars[i] != chars[i + 1])
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            }
        }

        (chars[0], chars[1]) = (chars[1], chars[0]);
        return new string(chars);
    }

    private static string Format(ref SyntheticRandom random, string nino)
    {
        var u = random.Next(3);
        if (u == 0)
        {
            return nino.ToLowerInvariant();
        }

        var separator = u == 1 ? ' ' : '-';
        var builder = new StringBuilder(nino.Length + 4);
        for (var i = 0; i < nino.Length; i++)
        {
            if (i is 2 or 4 or 6 or 8)
            {
                builder.Append(separator);
            }

            builder.Append(nino[i]);
        }

        return builder.ToString();
    }

    private RecordedDate DateOfBirth(ref SyntheticRandom random, DateOnly dob, NoiseSide side)
    {
        if (Happens(ref random, NoiseKind.DobMissing, side))
        {
            return RecordedDate.Blank;
        }

        if (Happens(ref random, NoiseKind.DobUnreadable, side))
        {
            // An impossible date: the reader must read it as blank with a warning, not reject the row.
            return dob.Month == 2 ? new RecordedDate(dob.Year, 2, 30) : new RecordedDate(dob.Year, 2, 31);
        }

        if (Happens(ref random, NoiseKind.DobTypo, side))
        {
            return RecordedDate.From(DobTypo(ref random, dob));
        }

        if (dob.Day <= 12 && dob.Day != dob.Month && Happens(ref random, NoiseKind.DobDayMonthSwap, side))
        {
            return new RecordedDate(dob.Year, dob.Day, dob.Month);
        }

        return RecordedDate.From(dob);
    }

    /// <summary>One digit of the day, month or year mistyped, keeping a real date.</summary>
    private static DateOnly DobTypo(ref SyntheticRandom random, DateOnly dob)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (year, month, day) = (dob.Year, dob.Month, dob.Day);
            var u = random.NextDouble();
            if (u < 0.5)
            {
                day = ((day / 10) * 10) + random.Next(10);
            }
            else if (u < 0.85)
            {
                year = ((year / 10) * 10) + random.Next(10);
            }
            else
            {
                month = ((month / 10) * 10) + random.Next(10);
            }

            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                && (year, month, day) != (dob.Year, dob.Month, dob.Day))
            {
                return new DateOnly(year, month, day);
            }
        }

        return dob.Day < 28 ? dob.AddDays(1) : dob.AddDays(-1);
    }

    private string Postcode(ref SyntheticRandom random, SyntheticPerson person, NoiseSide side)
    {
        var home = side == NoiseSide.Hmrc && Happens(ref random, NoiseKind.PostcodeMoved, side) ? person.LaterHome : person.Home;
        if (Happens(ref random, NoiseKind.PostcodeMissing, side))
        {
            return "";
        }

        var text = Happens(ref random, NoiseKind.PostcodePartial, side)
            ? home.Outward
            : Happens(ref random, NoiseKind.PostcodeSpacing, side)
                ? random.Chance(0.7) ? home.Outward + home.InwardCode : home.Outward + "  " + home.InwardCode
                : home.Outward + " " + home.InwardCode;
        return Happens(ref random, NoiseKind.PostcodeCase, side) ? text.ToLowerInvariant() : text;
    }
}

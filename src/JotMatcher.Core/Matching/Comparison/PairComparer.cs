using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching.Comparison;

/// <summary>Compares two identity profiles field by field into a <see cref="ComparisonVector"/>.</summary>
internal static class PairComparer
{
    private const double HighSimilarity = 0.92;
    private const double LowSimilarity = 0.8;

    public static ComparisonVector Compare(in IdentityProfile a, in IdentityProfile b)
    {
        var surname = CompareSurname(a, b);
        var forenames = CompareForenames(a, b);
        if (surname is not (L.Exact or L.Surname.Dl1 or L.Surname.Jw92)
            && forenames is not (L.Exact or L.Forenames.Nickname or L.Forenames.NicknameTypo))
        {
            var aInB = SurnameCloseToForename(a, b);
            var bInA = SurnameCloseToForename(b, a);
            var swap = aInB && bInA ? L.Surname.Swapped
                : aInB ? CrossedForenames(b, a)
                : bInA ? CrossedForenames(a, b)
                : L.Surname.Else;
            if (swap is L.Surname.Swapped or L.Surname.SwappedPartial)
            {
                surname = swap;
                forenames = L.Forenames.Swapped;
            }
            else if (surname is (L.Surname.Jw80 or L.Surname.Else) && (aInB || bInA))
            {
                surname = L.Surname.InOtherField;
            }
        }

        return new ComparisonVector(CompareNino(a.Stem, b.Stem), surname, forenames, CompareDob(a, b), ComparePostcode(a, b), CompareSex(a.Sex, b.Sex),
            CompareMiddleNames(a, b, forenames));
    }

    public static byte CompareNino(long a, long b)
    {
        if (a == 0 || b == 0)
        {
            return L.Missing;
        }

        return a == b ? L.Exact : NinoStem.IsOneEdit(a, b) ? L.Nino.OneEdit : L.Nino.Disagree;
    }

    internal static byte CompareSurname(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.Surname.Length == 0 || b.Surname.Length == 0)
        {
            return L.Missing;
        }

        if (string.Equals(a.Surname, b.Surname, StringComparison.Ordinal))
        {
            return L.Exact;
        }

        if (EditDistance.IsOneEdit(a.Surname, b.Surname))
        {
            return L.Surname.Dl1;
        }

        var jw = JaroWinkler.SimilarityAtLeast(a.Surname, a.SurnameMask, b.Surname, b.SurnameMask, LowSimilarity);
        if (jw >= HighSimilarity)
        {
            return L.Surname.Jw92;
        }

        if (SharesPart(a, b))
        {
            return L.Surname.DoubleBarrel;
        }

        return jw >= LowSimilarity ? L.Surname.Jw80 : L.Surname.Else;
    }

    // A double-barrelled surname on one side, one of its parts (or the whole other surname) on the other.
    private static bool SharesPart(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.SurnameParts.Length == 0 && b.SurnameParts.Length == 0)
        {
            return false;
        }

        var aParts = a.SurnameParts.Length > 0 ? a.SurnameParts : [a.Surname];
        var bParts = b.SurnameParts.Length > 0 ? b.SurnameParts : [b.Surname];
        foreach (var x in aParts)
        {
            foreach (var y in bParts)
            {
                if (x.Length > 1 && string.Equals(x, y, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static byte CompareForenames(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.Forename.Length == 0 || b.Forename.Length == 0)
        {
            return L.Missing;
        }

        var level = CompareForename(a.Forename, a.ForenameMask, a.Forenames, b.Forename, b.ForenameMask, b.Forenames);
        return level == L.Forenames.Else ? OtherTokenOrElse(a, b) : level;
    }

    // Two non-empty forenames: exact, nickname, typo, initial ... else.
    private static byte CompareForename(string x, int maskX, ForenameVariants vx, string y, int maskY, ForenameVariants vy)
    {
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return L.Exact;
        }

        // An initial agrees with the name or with any of its diminutives' initials (A. for Drew, short for Andrew).
        if (x.Length == 1 || y.Length == 1)
        {
            var initial = x.Length == 1 ? x[0] : y[0];
            var other = x.Length == 1 ? vy : vx;
            return (other.Initials & (1 << (initial - 'a'))) != 0 ? L.Forenames.Initial : L.Forenames.Else;
        }

        if (Nicknames.Share(vx.Groups, vy.Groups))
        {
            return L.Forenames.Nickname;
        }

        if (EditDistance.IsOneEdit(x, y))
        {
            return L.Forenames.Dl1;
        }

        var jw = JaroWinkler.SimilarityAtLeast(x, maskX, y, maskY, LowSimilarity);
        if (jw >= HighSimilarity)
        {
            return L.Forenames.Jw92;
        }

        if (Nicknames.Share(vx.GroupsNear, vy.GroupsNear))
        {
            return L.Forenames.NicknameTypo;
        }

        return jw >= LowSimilarity ? L.Forenames.Jw80 : L.Forenames.Else;
    }

    // When b's surname already sits in a's forename field: is a's surname (read as a forename) b's forename? Exactly —
    // a full swap, also when the surname field holds two forenames ("Liam Paul" / "Brown"); as an initial, a nickname or a
    // typo — a partial swap ("D, Walker" for Walker, Dean); otherwise no swap.
    private static byte CrossedForenames(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.SurnameFirstPart.Length == 0 || b.Forename.Length == 0)
        {
            return L.Surname.Else;
        }

        return CompareForename(a.SurnameFirstPart, a.SurnameFirstPartMask, a.SurnameVariants, b.Forename, b.ForenameMask, b.Forenames) switch
        {
            L.Exact => L.Surname.Swapped,
            L.Forenames.Nickname or L.Forenames.Dl1 or L.Forenames.Jw92 or L.Forenames.Initial or L.Forenames.NicknameTypo => L.Surname.SwappedPartial,
            _ => L.Surname.Else,
        };
    }

    // A middle name used as the first name on one side ("john paul" / "paul"): the same token in another position. The
    // same middle name in the same place is the middle-names field's evidence, not this one's.
    private static byte OtherTokenOrElse(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.ForenameTokens.Length > 1 || b.ForenameTokens.Length > 1)
        {
            for (var i = 0; i < a.ForenameTokens.Length; i++)
            {
                for (var j = 0; j < b.ForenameTokens.Length; j++)
                {
                    if (i != j && a.ForenameTokens[i].Length > 1 && string.Equals(a.ForenameTokens[i], b.ForenameTokens[j], StringComparison.Ordinal))
                    {
                        return L.Forenames.OtherToken;
                    }
                }
            }
        }

        return L.Forenames.Else;
    }

    // Whether a's surname is (close to) b's forename — compared both as b's first forename and as all its forenames
    // joined, so "slack-smith" recorded as a forename still meets the surname "slacksmith". Both names need two letters
    // (an initial on the other pair is for CrossedForenames to judge).
    internal static bool SurnameCloseToForename(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.Surname.Length < 2 || b.Forename.Length < 2)
        {
            return false;
        }

        return CloseName(a.Surname, a.SurnameMask, b.Forename, b.ForenameMask)
            || (b.ForenameTokens.Length > 1 && CloseName(a.Surname, a.SurnameMask, b.ForenamesJoined, b.ForenamesJoinedMask));
    }

    private static bool CloseName(string x, int maskX, string y, int maskY)
        => string.Equals(x, y, StringComparison.Ordinal) || JaroWinkler.SimilarityAtLeast(x, maskX, y, maskY, HighSimilarity) >= HighSimilarity;

    // The second forename tokens, when the first forenames were compared with each other: after a swap or a match
    // through a middle name the tokens have already spoken.
    internal static byte CompareMiddleNames(in IdentityProfile a, in IdentityProfile b, byte forenames)
    {
        if (a.ForenameTokens.Length < 2 || b.ForenameTokens.Length < 2
            || forenames is L.Missing or L.Forenames.Swapped or L.Forenames.OtherToken)
        {
            return L.Missing;
        }

        var x = a.ForenameTokens[1];
        var y = b.ForenameTokens[1];
        if (x.Length == 1 || y.Length == 1)
        {
            return x[0] == y[0] ? (x.Length == y.Length ? L.Exact : L.MiddleNames.Initial) : L.MiddleNames.Disagree;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return L.Exact;
        }

        return EditDistance.IsOneEdit(x, y)
            || JaroWinkler.SimilarityAtLeast(x, JaroWinkler.LetterMask(x), y, JaroWinkler.LetterMask(y), HighSimilarity) >= HighSimilarity
            ? L.MiddleNames.Close : L.MiddleNames.Disagree;
    }

    public static byte CompareDob(in IdentityProfile a, in IdentityProfile b)
    {
        if (a.DobYmd == IdentityProfile.NoDate || b.DobYmd == IdentityProfile.NoDate)
        {
            return L.Missing;
        }

        if (a.DobYmd == b.DobYmd)
        {
            return L.Exact;
        }

        var (ay, am, ad) = (a.DobYmd / 10000, a.DobYmd / 100 % 100, a.DobYmd % 100);
        var (by, bm, bd) = (b.DobYmd / 10000, b.DobYmd / 100 % 100, b.DobYmd % 100);
        if (ay == by && am == bd && ad == bm)
        {
            return L.DateOfBirth.DayMonthSwap;
        }

        if (IsOneDigitTypo(a.DobYmd, b.DobYmd))
        {
            return L.DateOfBirth.OneTypo;
        }

        return Math.Abs(a.DobDay - b.DobDay) <= 31 ? L.DateOfBirth.WithinMonth : L.DateOfBirth.Else;
    }

    // YYYYMMDD as eight digits: one digit different, or two adjacent digits swapped.
    private static bool IsOneDigitTypo(int x, int y)
    {
        Span<int> dx = stackalloc int[8];
        Span<int> dy = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            (dx[i], dy[i]) = (x % 10, y % 10);
            (x, y) = (x / 10, y / 10);
        }

        var first = -1;
        for (var i = 0; i < 8; i++)
        {
            if (dx[i] == dy[i])
            {
                continue;
            }

            if (first >= 0)
            {
                return i == first + 1 && dx[first] == dy[i] && dx[i] == dy[first] && dx[(i + 1)..].SequenceEqual(dy[(i + 1)..]);
            }

            first = i;
        }

        return first >= 0;
    }

    internal static byte ComparePostcode(in IdentityProfile a, in IdentityProfile b)
    {
        var x = a.Postcode;
        var y = b.Postcode;
        if (x.IsMissing || y.IsMissing)
        {
            return L.Missing;
        }

        if (x.IsFull && y.IsFull && string.Equals(x.Text, y.Text, StringComparison.Ordinal))
        {
            return L.Exact;
        }

        if (x.IsFull && y.IsFull && x.Sector.SequenceEqual(y.Sector))
        {
            return L.Postcode.Sector;
        }

        if (EditDistance.IsOneEdit(x.Recorded, y.Recorded))
        {
            return L.Postcode.OneEdit;
        }

        if (x.Outward.SequenceEqual(y.Outward))
        {
            return L.Postcode.Outward;
        }

        return x.Area.Length > 0 && x.Area.SequenceEqual(y.Area) ? L.Postcode.Area : L.Postcode.Else;
    }

    private static byte CompareSex(Sex a, Sex b)
        => a == Sex.Unknown || b == Sex.Unknown ? L.Missing : a == b ? L.Exact : L.Sex.Disagree;
}

using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Matching;

/// <summary>
/// A valid NINo's stem (two letters, six digits; suffix ignored per SPEC §3) packed into a long, one base-64 "digit"
/// per character, so stems compare, hash and mask without strings. Zero means "no NINo" (blank, temporary, invalid).
/// </summary>
internal static class NinoStem
{
    public const int Length = 8;
    private const int BitsPerChar = 6;
    private const long CharMask = (1L << BitsPerChar) - 1;

    public static long Pack(Nino nino)
    {
        if (!nino.IsValid)
        {
            return 0;
        }

        Span<char> chars = stackalloc char[nino.Length];
        nino.CopyTo(chars);
        var stem = chars[..Length];
        long packed = 0;
        foreach (var c in stem)
        {
            // Letters 'A'..'Z' → 11..36, digits → 1..10: never zero, so a packed stem is never 0.
            var code = char.IsAsciiDigit(c) ? c - '0' + 1 : c - 'A' + 11;
            packed = (packed << BitsPerChar) | (long)code;
        }

        return packed;
    }

    public static int CharAt(long stem, int position) => (int)((stem >> ((Length - 1 - position) * BitsPerChar)) & CharMask);

    /// <summary>How many <see cref="OneEditKey"/>s a stem has: one a position, one a pair of adjacent positions.</summary>
    public const int OneEditKeysPerStem = Length + Length - 1;

    /// <summary>
    /// Key <paramref name="k"/> of a stem: for k below <see cref="Length"/>, the stem with position k blanked (stems that
    /// differ there only share it: one substitution); above, the stem with the pair of positions k − Length and the
    /// next put in order (stems that differ by swapping that pair only share it). Stems one edit apart always share a
    /// key; stems further apart never do — so a look-up by these keys meets only stems one edit away or equal, however
    /// densely the stems are issued (the keys with two positions blanked met a hundred times as many strangers).
    /// </summary>
    public static long OneEditKey(long stem, int k)
    {
        var tag = (long)(k + 1) << 56;
        if (k < Length)
        {
            return (stem & ~(CharMask << ((Length - 1 - k) * BitsPerChar))) | tag;
        }

        var position = k - Length;
        var shift = (Length - 2 - position) * BitsPerChar;
        var (first, second) = (CharAt(stem, position), CharAt(stem, position + 1));
        var ordered = first <= second ? ((long)first << BitsPerChar) | (long)second : ((long)second << BitsPerChar) | (long)first;
        return (stem & ~((CharMask | (CharMask << BitsPerChar)) << shift)) | (ordered << shift) | tag;
    }

    /// <summary>The six digits only: a key for blocking when the prefix letters were mistyped.</summary>
    public static long Digits(long stem) => stem & ((1L << (6 * BitsPerChar)) - 1);

    /// <summary>One substitution or one adjacent transposition apart (equal stems are not).</summary>
    public static bool IsOneEdit(long a, long b)
    {
        if (a == 0 || b == 0 || a == b)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < Length; i++)
        {
            if (CharAt(a, i) == CharAt(b, i))
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
                continue;
            }

            if (i != first + 1 || CharAt(a, first) != CharAt(b, i) || CharAt(a, i) != CharAt(b, first))
            {
                return false;
            }

            for (var j = i + 1; j < Length; j++)
            {
                if (CharAt(a, j) != CharAt(b, j))
                {
                    return false;
                }
            }

            return true;
        }

        return true;
    }
}

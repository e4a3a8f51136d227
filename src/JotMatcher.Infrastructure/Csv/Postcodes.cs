namespace JotMatcher.Infrastructure.Csv;

/// <summary>Postcodes as <see cref="Core.Records.ClaimSpell.Postcode"/> keeps them: upper case, no whitespace.</summary>
internal static class Postcodes
{
    /// <summary>The normalised postcode of characters still in the reader's buffer: one string, the kept one.</summary>
    public static string Normalise(ReadOnlySpan<char> recorded)
        => recorded.IsEmpty ? "" : IsClean(recorded) ? new string(recorded) : Normalised(recorded);

    /// <summary>
    /// <see cref="Normalise"/>'s value of an ASCII field (<see cref="FieldText.IsPlainAscii"/>), as bytes in
    /// <paramref name="into"/> (at least the field's length): the same characters dropped and upper-cased, so a pool
    /// keyed by bytes gives the string <see cref="Normalise"/> would have made.
    /// </summary>
    public static ReadOnlySpan<byte> NormaliseAscii(ReadOnlySpan<byte> ascii, Span<byte> into)
    {
        var n = 0;
        foreach (var b in ascii)
        {
            if (!char.IsWhiteSpace((char)b))
            {
                into[n++] = (byte)char.ToUpperInvariant((char)b);
            }
        }

        return into[..n];
    }

    private static bool IsClean(ReadOnlySpan<char> recorded)
    {
        foreach (var c in recorded)
        {
            if (char.IsWhiteSpace(c) || char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalised(ReadOnlySpan<char> recorded)
    {
        Span<char> kept = recorded.Length <= 64 ? stackalloc char[recorded.Length] : new char[recorded.Length];
        var n = 0;
        foreach (var c in recorded)
        {
            if (!char.IsWhiteSpace(c))
            {
                kept[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(kept[..n]);
    }
}

namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// Reduces a recorded name to lower-case ASCII letter tokens, so case, spacing, accents, apostrophes and
/// punctuation never decide a comparison. Hyphens and spaces separate tokens (double-barrelled surnames keep their parts).
/// </summary>
internal static class NameText
{
    public static string[] Tokens(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return [];
        }

        // One pass into a buffer of folded letters, remembering where each token ends; strings only for the tokens.
        Span<char> letters = recorded.Length <= 256 ? stackalloc char[recorded.Length] : new char[recorded.Length];
        Span<int> ends = stackalloc int[MaxTokens];
        var tokens = FoldTokens(recorded, letters, ends);
        var result = new string[tokens];
        var start = 0;
        for (var t = 0; t < tokens; t++)
        {
            result[t] = new string(letters[start..ends[t]]);
            start = ends[t];
        }

        return result;
    }

    /// <summary>
    /// The folded letters of <paramref name="recorded"/> into <paramref name="letters"/> (at least as long as it), and
    /// where each token ends into <paramref name="ends"/> (<see cref="MaxTokens"/> long); returns the token count. The
    /// tokens are <c>letters[0..ends[0]]</c>, <c>letters[ends[0]..ends[1]]</c>…, their concatenation <c>letters[..ends[^1]]</c>.
    /// </summary>
    public static int FoldTokens(string recorded, Span<char> letters, Span<int> ends)
    {
        var n = 0;
        var tokens = 0;
        foreach (var raw in recorded)
        {
            var c = Fold(raw);
            if (c is >= 'a' and <= 'z')
            {
                letters[n++] = c;
            }
            else if (c is ' ' or '-' or '.' or ',' or '/' or '\t' && n > 0 && (tokens == 0 || ends[tokens - 1] < n) && tokens < MaxTokens - 1)
            {
                ends[tokens++] = n;
            }

            // Apostrophes and anything else are dropped without splitting: O'Brien and OBrien are one name.
        }

        if (n > 0 && (tokens == 0 || ends[tokens - 1] < n))
        {
            ends[tokens++] = n;
        }

        return tokens;
    }

    /// <summary>Tokens beyond this many run into the last one; names have far fewer.</summary>
    public const int MaxTokens = 16;

    // Latin-1 and common Latin Extended-A letters to their base letter; the invariant-globalisation build has no
    // Unicode normalisation tables to lean on.
    private const string Latin1From = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Latin1To = "aaaaaaceeeeiiiinoooooouuuuyy";

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        var lower = char.ToLowerInvariant(c);
        var i = Latin1From.IndexOf(lower, StringComparison.Ordinal);
        if (i >= 0)
        {
            return Latin1To[i];
        }

        return lower switch
        {
            'ł' => 'l',
            'ś' or 'š' => 's',
            'ć' or 'č' => 'c',
            'ź' or 'ż' or 'ž' => 'z',
            'ę' or 'ė' => 'e',
            'ą' => 'a',
            'ń' => 'n',
            'ř' => 'r',
            'ğ' => 'g',
            'ı' => 'i',
            'ş' => 's',
            'ő' => 'o',
            'ű' => 'u',
            _ => lower,
        };
    }
}

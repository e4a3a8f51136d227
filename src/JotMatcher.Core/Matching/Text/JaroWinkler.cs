namespace JotMatcher.Core.Matching.Text;

/// <summary>Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), allocation-free for names.</summary>
internal static class JaroWinkler
{
    private const int StackLimit = 64;

    /// <summary>A bit per letter a–z present in a normalised name, for <see cref="SimilarityAtLeast"/>.</summary>
    public static int LetterMask(string name)
    {
        var mask = 0;
        foreach (var c in name)
        {
            mask |= 1 << (c - 'a');
        }

        return mask;
    }

    /// <summary>
    /// The similarity when it can reach <paramref name="floor"/>, else 0, deciding most unlike pairs without the full
    /// computation: matched characters can be no more than the letters each name shares with the other's letter set,
    /// which bounds Jaro and so Jaro-Winkler from above. Exact: a pair the bound rejects is below the floor anyway.
    /// </summary>
    public static double SimilarityAtLeast(string a, int maskA, string b, int maskB, double floor)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var sharedA = SharedLetters(a, maskB);
        var sharedB = SharedLetters(b, maskA);
        double m = Math.Min(sharedA, sharedB);
        var jaroBound = ((m / a.Length) + (m / b.Length) + 1) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaroBound + (prefix * 0.1 * (1 - jaroBound)) < floor ? 0 : Similarity(a, b);
    }

    private static int SharedLetters(string name, int otherMask)
    {
        var n = 0;
        foreach (var c in name)
        {
            n += (otherMask >> (c - 'a')) & 1;
        }

        return n;
    }

    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var jaro = Jaro(a, b);
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    private static double Jaro(string a, string b)
    {
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];

        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2)) / m)) / 3.0;
    }
}

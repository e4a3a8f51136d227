namespace JotMatcher.Core.Matching.Text;

/// <summary>Damerau-Levenshtein distance-one tests: one substitution, insertion, deletion or adjacent transposition.</summary>
internal static class EditDistance
{
    /// <summary>True when the two differ by exactly one edit (equal strings are distance zero, not one).</summary>
    public static bool IsOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            return IsOneSubstitutionOrTransposition(a, b);
        }

        if (Math.Abs(a.Length - b.Length) != 1)
        {
            return false;
        }

        var shorter = a.Length < b.Length ? a : b;
        var longer = a.Length < b.Length ? b : a;
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return shorter[i..].SequenceEqual(longer[(i + 1)..]);
    }

    /// <summary>Same length, differing in exactly one position or by one swap of adjacent characters.</summary>
    public static bool IsOneSubstitutionOrTransposition(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
                continue;
            }

            // A second difference: only an adjacent transposition of the first one is allowed.
            return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a[(i + 1)..].SequenceEqual(b[(i + 1)..]);
        }

        return first >= 0;
    }
}

using System.Text;

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

        var tokens = new List<string>(2);
        var current = new StringBuilder(recorded.Length);
        foreach (var raw in recorded)
        {
            var c = Fold(raw);
            if (c is >= 'a' and <= 'z')
            {
                current.Append(c);
            }
            else if (c is ' ' or '-' or '.' or ',' or '/' or '\t' && current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }

            // Apostrophes and anything else are dropped without splitting: O'Brien and OBrien are one name.
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return [.. tokens];
    }

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

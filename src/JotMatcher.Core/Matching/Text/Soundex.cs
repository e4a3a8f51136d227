namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// American Soundex of a normalised (lower-case a–z) name, packed into an int: the first letter and three digits.
/// Used only for blocking, where a coarse phonetic key that survives vowel changes and most consonant typos is enough.
/// </summary>
internal static class Soundex
{
    //                                     abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    public static int Code(string name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        var code = name[0] - 'a' + 1;
        var digits = 0;
        var previous = Codes[name[0] - 'a'];
        for (var i = 1; i < name.Length && digits < 3; i++)
        {
            var c = name[i];
            var d = Codes[c - 'a'];
            if (d != '0' && d != previous)
            {
                code = (code * 10) + (d - '0');
                digits++;
            }

            // h and w do not separate equal codes; vowels do.
            if (c is not ('h' or 'w'))
            {
                previous = d;
            }
        }

        while (digits++ < 3)
        {
            code *= 10;
        }

        return code;
    }
}

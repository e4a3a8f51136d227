namespace JotMatcher.Infrastructure.Csv;

/// <summary>Postcodes as <see cref="Core.Records.ClaimSpell.Postcode"/> keeps them: upper case, no whitespace.</summary>
internal static class Postcodes
{
    public static string Normalise(string recorded)
    {
        var clean = true;
        foreach (var c in recorded)
        {
            if (char.IsWhiteSpace(c) || char.IsLower(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return recorded;
        }

        return string.Create(CountKept(recorded), recorded, static (dest, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    dest[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    private static int CountKept(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }
}

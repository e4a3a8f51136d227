namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// A postcode split for comparison: full, sector (outward + first inward digit) and outward code.
/// A value without a well-formed inward code (digit, letter, letter) is a partial postcode: outward only.
/// </summary>
internal readonly record struct PostcodeParts(string Full, string Sector, string Outward)
{
    public bool IsMissing => Outward.Length == 0;

    public static PostcodeParts Parse(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return new PostcodeParts("", "", "");
        }

        Span<char> buffer = stackalloc char[Math.Min(recorded.Length, 32)];
        var n = 0;
        foreach (var c in recorded)
        {
            if (char.IsAsciiLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        var s = new string(buffer[..n]);
        if (n >= 5 && char.IsAsciiDigit(s[n - 3]) && char.IsAsciiLetter(s[n - 2]) && char.IsAsciiLetter(s[n - 1]))
        {
            return new PostcodeParts(s, s[..(n - 2)], s[..(n - 3)]);
        }

        return new PostcodeParts("", "", s);
    }
}

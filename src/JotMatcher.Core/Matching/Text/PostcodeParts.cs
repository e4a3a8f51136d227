namespace JotMatcher.Core.Matching.Text;

/// <summary>
/// A postcode as compared: its letters and digits upper-cased in one string, with the length of its outward code.
/// Full is the whole postcode, sector the outward code and the first inward digit, outward the district. A value without
/// a well-formed inward code (digit, letter, letter) is a partial postcode: outward only. One string per postcode, the
/// parts as spans of it, so a million profiles do not carry three strings each.
/// </summary>
internal readonly record struct PostcodeParts(string Text, int OutwardLength, bool IsFull)
{
    public bool IsMissing => OutwardLength == 0;

    public ReadOnlySpan<char> Full => IsFull ? Text : [];

    public ReadOnlySpan<char> Sector => IsFull ? Text.AsSpan(0, Text.Length - 2) : [];

    public ReadOnlySpan<char> Outward => Text.AsSpan(0, OutwardLength);

    /// <summary>The postcode area: the outward code's leading letters ("HU" of HU5, "B" of B17); empty when it starts with a digit.</summary>
    public ReadOnlySpan<char> Area
    {
        get
        {
            var n = 0;
            while (n < OutwardLength && n < 2 && char.IsAsciiLetter(Text[n]))
            {
                n++;
            }

            return Text.AsSpan(0, n);
        }
    }

    /// <summary>The whole postcode, or the outward code of a partial one: what a one-character typo is looked for in.</summary>
    public ReadOnlySpan<char> Recorded => Text;

    public static PostcodeParts Parse(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return new PostcodeParts("", 0, false);
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

        if (n == 0)
        {
            return new PostcodeParts("", 0, false);
        }

        var full = n >= 5 && char.IsAsciiDigit(buffer[n - 3]) && char.IsAsciiLetter(buffer[n - 2]) && char.IsAsciiLetter(buffer[n - 1]);
        // Records already keep postcodes upper case without spaces: then the recorded string is the text, not a copy.
        var text = buffer[..n].SequenceEqual(recorded) ? recorded : new string(buffer[..n]);
        return new PostcodeParts(text, full ? n - 3 : n, full);
    }
}

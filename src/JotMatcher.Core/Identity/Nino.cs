namespace JotMatcher.Core.Identity;

/// <summary>
/// A National Insurance number as recorded, normalised per SPEC §3: upper case, spaces and hyphens dropped.
/// Only a <see cref="NinoKind.Valid"/> NINo takes part in NINo matching; temporary, invalid and blank ones are "no NINo".
/// Its <see cref="ToString"/> never shows the value, so a NINo cannot reach a log line by accident.
/// </summary>
public readonly record struct Nino
{
    // SPEC §3: first letter not D F I Q U V; second letter not D F I O Q U V; these whole prefixes not allowed.
    private const string BadFirst = "DFIQUV";
    private const string BadSecond = "DFIOQUV";
    private static readonly string[] BadPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    private Nino(string normalised, NinoKind kind)
    {
        Normalised = normalised;
        Kind = kind;
    }

    /// <summary>Upper case with spaces and hyphens removed; empty when blank.</summary>
    public string Normalised { get => field ?? ""; private init; }

    public NinoKind Kind { get; }

    public bool IsValid => Kind == NinoKind.Valid;

    /// <summary>The two letters and six digits of a valid NINo (suffix ignored for matching); empty otherwise.</summary>
    public string Stem => IsValid ? Normalised[..8] : "";

    /// <summary>The suffix letter of a valid NINo, or '\0' when missing.</summary>
    public char Suffix => IsValid && Normalised.Length == 9 ? Normalised[8] : '\0';

    public static Nino Blank => default;

    public static Nino Parse(string? recorded) => ParseSpan(recorded);

    /// <summary>
    /// <see cref="Parse(string?)"/> from characters that are not a string yet (a field still in the reader's buffer),
    /// so only the normalised value becomes one: ingest parses a NINo on every input row.
    /// </summary>
    public static Nino ParseSpan(ReadOnlySpan<char> recorded)
    {
        if (recorded.IsWhiteSpace())
        {
            return default;
        }

        // Anything recorded is normalised the same way, however long: a garbage value must not keep its spaces.
        Span<char> buffer = recorded.Length <= 64 ? stackalloc char[recorded.Length] : new char[recorded.Length];
        var length = 0;
        foreach (var c in recorded)
        {
            if (c is not (' ' or '-' or '\t'))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        // Only separators: the same value as nothing recorded, so two blank NINos compare equal.
        if (length == 0)
        {
            return default;
        }

        return new Nino(new string(buffer[..length]), Classify(buffer[..length]));
    }

    private static NinoKind Classify(ReadOnlySpan<char> n)
    {
        if (n.Length == 0)
        {
            return NinoKind.Blank;
        }

        if (IsTemporary(n))
        {
            return NinoKind.Temporary;
        }

        if (n.Length is not (8 or 9)
            || !char.IsAsciiLetterUpper(n[0]) || !char.IsAsciiLetterUpper(n[1])
            || BadFirst.Contains(n[0]) || BadSecond.Contains(n[1])
            || IsBadPrefix(n[..2]))
        {
            return NinoKind.Invalid;
        }

        foreach (var c in n[2..8])
        {
            if (!char.IsAsciiDigit(c))
            {
                return NinoKind.Invalid;
            }
        }

        return n.Length == 8 || n[8] is >= 'A' and <= 'D' ? NinoKind.Valid : NinoKind.Invalid;
    }

    // Compared as spans: Parse runs once a field on every input row, so no string a call.
    private static bool IsBadPrefix(ReadOnlySpan<char> prefix)
    {
        foreach (var bad in BadPrefixes)
        {
            if (prefix.SequenceEqual(bad))
            {
                return true;
            }
        }

        return false;
    }

    // TN + DDMMYY + M/F (SPEC §2); the date part is not checked, only its shape.
    private static bool IsTemporary(ReadOnlySpan<char> n)
    {
        if (n.Length != 9 || n[0] != 'T' || n[1] != 'N' || n[8] is not ('M' or 'F'))
        {
            return false;
        }

        foreach (var c in n[2..8])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deliberately hides the value: a NINo is personal data (SPEC §7).</summary>
    public override string ToString() => $"Nino({Kind})";
}

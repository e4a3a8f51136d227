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

    public static Nino Parse(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return default;
        }

        Span<char> buffer = stackalloc char[Math.Min(recorded.Length, 64)];
        var length = 0;
        foreach (var c in recorded)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return new Nino(recorded.Trim().ToUpperInvariant(), NinoKind.Invalid);
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        var normalised = new string(buffer[..length]);
        return new Nino(normalised, Classify(buffer[..length]));
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
            || BadPrefixes.AsSpan().Contains(new string(n[..2])))
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

namespace JotMatcher.Core.Identity;

public enum NinoKind : byte
{
    /// <summary>Nothing recorded.</summary>
    Blank = 0,
    /// <summary>Two valid prefix letters, six digits, optional suffix A–D.</summary>
    Valid,
    /// <summary>A temporary reference: TN + DDMMYY + M/F.</summary>
    Temporary,
    /// <summary>Anything else: an invalid prefix, wrong length, bad suffix.</summary>
    Invalid,
}

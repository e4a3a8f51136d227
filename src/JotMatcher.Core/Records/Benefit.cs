namespace JotMatcher.Core.Records;

/// <summary>The benefit of a claim spell (SPEC §2). <see cref="None"/>: on the register without a benefit.</summary>
public enum Benefit : byte
{
    None = 0,
    Jsa,
    Is,
    Ib,
    Esa,
    Sda,
    Ca,
}

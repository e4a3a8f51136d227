namespace JotMatcher.Core.Records;

/// <summary>New Deal programmes and Employment Zone (SPEC §2); <see cref="None"/> when blank.</summary>
public enum Programme : byte
{
    None = 0,
    NdLp,
    NdDp,
    Nd50Plus,
    Nd25Plus,
    NdYp,
    Ez,
}

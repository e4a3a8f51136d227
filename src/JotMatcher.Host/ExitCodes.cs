namespace JotMatcher.Host;

/// <summary>SPEC §5 exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A verification difference, or a run that finished with rejected files.</summary>
    public const int Difference = 1;

    public const int BadUsage = 2;

    /// <summary>A failure that stopped the run; nothing half-written remains.</summary>
    public const int Failure = 3;
}

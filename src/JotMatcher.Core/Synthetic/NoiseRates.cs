namespace JotMatcher.Core.Synthetic;

/// <summary>
/// The probability of each kind of noise on each side, among the records where it can apply (a nickname needs a
/// name that has one; a day/month swap needs a day of 12 or less). <see cref="Default"/> holds realistic rates:
/// NINos often blank on the HMRC side, where employers key them; formatting noise common; identity changes rare.
/// <see cref="Scaled"/> multiplies every rate (2 = every rate doubled), capped at 0.9.
/// </summary>
public sealed class NoiseRates
{
    // (kind, per customer on the claims side, per HMRC row, per person in the population)
    private static readonly (NoiseKind Kind, double Claims, double Hmrc, double Population)[] DefaultTable =
    [
        (NoiseKind.NameCase, 0.08, 0.15, 0),
        (NoiseKind.NameSpacing, 0.02, 0.03, 0),
        (NoiseKind.NinoFormatting, 0.10, 0.15, 0),
        (NoiseKind.NinoMissing, 0.02, 0.12, 0),
        (NoiseKind.NinoTemporary, 0.015, 0.005, 0),
        (NoiseKind.NinoInvalidPrefix, 0.002, 0.003, 0),
        (NoiseKind.NinoSubstitution, 0.008, 0.012, 0),
        (NoiseKind.NinoTransposition, 0.004, 0.006, 0),
        (NoiseKind.NinoSuffixMissing, 0, 0.20, 0),
        (NoiseKind.SurnameChange, 0.005, 0.015, 0),
        (NoiseKind.DoubleBarrelled, 0.004, 0.006, 0),
        (NoiseKind.SurnameTypo, 0.01, 0.02, 0),
        (NoiseKind.ForenameTypo, 0.01, 0.02, 0),
        (NoiseKind.Nickname, 0.03, 0.08, 0),
        (NoiseKind.Initials, 0.01, 0.03, 0),
        (NoiseKind.MiddleNameDropped, 0.10, 0.30, 0),
        (NoiseKind.NameSwap, 0.003, 0.005, 0),
        (NoiseKind.DobTypo, 0.01, 0.015, 0),
        (NoiseKind.DobDayMonthSwap, 0.005, 0.008, 0),
        (NoiseKind.DobMissing, 0.01, 0.02, 0),
        (NoiseKind.DobUnreadable, 0.001, 0.002, 0),
        (NoiseKind.PostcodeSpacing, 0.15, 0.20, 0),
        (NoiseKind.PostcodeCase, 0.05, 0.05, 0),
        (NoiseKind.PostcodePartial, 0.01, 0.03, 0),
        (NoiseKind.PostcodeMissing, 0.01, 0.04, 0),
        (NoiseKind.PostcodeMoved, 0, 0.08, 0),
        (NoiseKind.SexMissing, 0.02, 0.05, 0),
        (NoiseKind.Twins, 0, 0, 0.005),
        (NoiseKind.Relatives, 0, 0, 0.04),
        (NoiseKind.RejectedRow, 0.0002, 0.0002, 0),
    ];

    private const double Cap = 0.9;

    private const int SideCount = 3;

    // Indexed by kind × side: read once per record and kind, so no dictionary.
    private readonly double[] _rates;

    private NoiseRates(double scale)
    {
        Scale = scale;
        _rates = new double[Enum.GetValues<NoiseKind>().Length * SideCount];
        foreach (var (kind, claims, hmrc, population) in DefaultTable)
        {
            _rates[Slot(kind, NoiseSide.Claims)] = Math.Min(claims * scale, Cap);
            _rates[Slot(kind, NoiseSide.Hmrc)] = Math.Min(hmrc * scale, Cap);
            _rates[Slot(kind, NoiseSide.Population)] = Math.Min(population * scale, Cap);
        }
    }

    public static NoiseRates Default { get; } = new(1.0);

    /// <summary>The factor applied to <see cref="Default"/>.</summary>
    public double Scale { get; }

    /// <summary>Every kind, in declaration order (for reports).</summary>
    public static IReadOnlyList<NoiseKind> Kinds { get; } = [.. DefaultTable.Select(r => r.Kind)];

    public static NoiseRates Scaled(double scale)
    {
        if (!double.IsFinite(scale) || scale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "the noise scale must be a finite number, zero or more");
        }

        return new NoiseRates(scale);
    }

    public double Of(NoiseKind kind, NoiseSide side) => _rates[Slot(kind, side)];

    private static int Slot(NoiseKind kind, NoiseSide side) => ((int)kind * SideCount) + (int)side;
}

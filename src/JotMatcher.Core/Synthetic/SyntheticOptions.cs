namespace JotMatcher.Core.Synthetic;

/// <summary>
/// What to generate. Same options, same bytes: the output depends on nothing else (not the machine, not the
/// number of threads, not the clock).
/// </summary>
public sealed record SyntheticOptions
{
    /// <summary>The as-of date when none is given: a month after performance year 2007-08 ends.</summary>
    public static readonly DateOnly DefaultAsOf = new(2008, 4, 30);

    /// <summary>Large enough for a national run many times over; bounded by the distinct NINos the generator can give.</summary>
    public const int MaxPeople = 20_000_000;

    /// <summary>People in the population: customers (about 85%) and people HMRC knows of who never claimed.</summary>
    public required int People { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Multiplies every noise rate (2 = every rate doubled; 0 = clean data).</summary>
    public double NoiseScale { get; init; } = 1.0;

    /// <summary>The data's as-of date: nothing HMRC learnt later is in the feed, and later sustainment is pending.</summary>
    public DateOnly AsOf { get; init; } = DefaultAsOf;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (People is < 1 or > MaxPeople)
        {
            throw new ArgumentOutOfRangeException(nameof(People), People, $"people must be between 1 and {MaxPeople:N0}");
        }

        if (!double.IsFinite(NoiseScale) || NoiseScale < 0 || NoiseScale > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseScale), NoiseScale, "the noise scale must be between 0 and 10");
        }

        if (AsOf < new DateOnly(2006, 4, 1) || AsOf > new DateOnly(2012, 3, 31))
        {
            throw new ArgumentOutOfRangeException(nameof(AsOf), AsOf, "the as-of date must fall between 2006-04-01 and 2012-03-31");
        }
    }
}

using JotMatcher.Core.Records;

namespace JotMatcher.Core.Synthetic;

/// <summary>What really happened to one person: spells with Jobcentre Plus (none for a non-customer) and jobs started.</summary>
internal sealed class LifeHistory
{
    public List<TrueSpell> Spells { get; } = [];

    /// <summary>Jobs HMRC knew of by the as-of date, in the order they were lived; start dates are all different.</summary>
    public List<TrueJob> Jobs { get; } = [];
}

/// <summary>A spell as it truly was; <see cref="End"/> is -1 while open at the as-of date. Dates are day numbers.</summary>
internal sealed record TrueSpell(
    int Start,
    int End,
    Benefit Benefit,
    bool Employed,
    bool LoneParent,
    bool Disabled,
    bool HasChildren,
    Programme Programme)
{
    public bool IsEnded => End >= 0;
}

/// <summary>A job start and the day HMRC heard of it, as day numbers.</summary>
internal readonly record struct TrueJob(int Start, int Notified, string EmployerRef);

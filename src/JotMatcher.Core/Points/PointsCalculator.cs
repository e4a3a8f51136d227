using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Points;

/// <summary>
/// Awards the points of one job outcome (SPEC §4) under the rule set of its employment start's performance year:
/// base points for the priority group, then the sustainment, deprived-area and child premiums.
/// </summary>
public sealed class PointsCalculator(RuleSetCatalog rules, IReadOnlySet<string> deprivedAreas, DateOnly asOf)
{
    public RuleSetCatalog Rules { get; } = rules;
    public IReadOnlySet<string> DeprivedAreas { get; } = deprivedAreas;
    public DateOnly AsOf { get; } = asOf;

    /// <param name="spell">The ended spell the outcome is attributed to.</param>
    /// <param name="employmentStart">The start of the job that ended it.</param>
    /// <param name="customerSpells">Every spell of the same customer (may include <paramref name="spell"/>); read for sustainment.</param>
    public PointsAward Award(ClaimSpell spell, DateOnly employmentStart, ReadOnlySpan<ClaimSpell> customerSpells)
    {
        ArgumentNullException.ThrowIfNull(spell);
        var rules = Rules.ForDate(employmentStart);
        var group = GroupOf(spell, rules);
        var basePoints = rules.BasePoints[group];
        var (sustain, pending) = Sustainment(spell, employmentStart, customerSpells, rules);
        var area = rules.DeprivedAreaEnabled && spell.AreaCode.Length > 0 && DeprivedAreas.Contains(spell.AreaCode)
            ? DeprivedAreaPremium(basePoints, rules)
            : 0;
        var child = rules.ChildPremiumEnabled && spell.HasChildren ? rules.ChildPremiumPoints : 0;
        return new PointsAward(group, basePoints, sustain, pending, area, child, rules.Version);
    }

    /// <summary>The first priority group of SPEC §4 that applies to an ended spell.</summary>
    public static PriorityGroup GroupOf(ClaimSpell spell, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(spell);
        ArgumentNullException.ThrowIfNull(rules);
        if (spell.LoneParent
            || spell.Programme is Programme.NdLp or Programme.NdDp
            || spell.Benefit is Benefit.Is or Benefit.Ib or Benefit.Esa or Benefit.Sda or Benefit.Ca)
        {
            return PriorityGroup.Group1;
        }

        if (spell.Programme is Programme.Nd50Plus or Programme.Nd25Plus or Programme.NdYp or Programme.Ez
            || spell.Disabled
            || (spell.Benefit == Benefit.Jsa && SpellDays(spell) >= rules.LongJsaSpellDays))
        {
            return PriorityGroup.Group2;
        }

        return spell.Benefit switch
        {
            Benefit.Jsa => PriorityGroup.Group3,
            Benefit.None => spell.Employed ? PriorityGroup.Group5 : PriorityGroup.Group4,
            _ => throw new ArgumentOutOfRangeException(nameof(spell), "unknown benefit"),
        };
    }

    /// <summary>⌈base × percent / 100⌉, but never under the rule set's minimum.</summary>
    public static int DeprivedAreaPremium(int basePoints, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var share = ((basePoints * rules.DeprivedAreaPercent) + 99) / 100;
        return Math.Max(share, rules.DeprivedAreaMinimum);
    }

    /// <summary>SPEC §4: spell length is <c>claim_end − claim_start</c> in days.</summary>
    private static int SpellDays(ClaimSpell spell) => spell.ClaimEnd is { } end
        ? end.DayNumber - spell.ClaimStart.DayNumber
        : throw new ArgumentException("points are awarded only for an ended spell", nameof(spell));

    /// <summary>
    /// Sustainment: for a JSA spell, the customer must not start another JSA spell within the rule set's days
    /// after the job started, i.e. with <c>claim_start</c> in <c>(employment_start, employment_start + days]</c>.
    /// Day 0 is not "after": a spell opened on the job's first day cannot be a return to benefit from that job.
    /// The outcome's own spell never counts against it. Until the as-of date reaches <c>employment_start + days</c>
    /// the premium is pending, as SPEC §4 says, even when a return is already known: the re-run that closes the
    /// period settles every pending premium the same way.
    /// </summary>
    private (int Points, bool Pending) Sustainment(
        ClaimSpell spell, DateOnly employmentStart, ReadOnlySpan<ClaimSpell> customerSpells, RuleSet rules)
    {
        if (!rules.SustainmentEnabled || spell.Benefit != Benefit.Jsa)
        {
            return (0, false);
        }

        var first = employmentStart.DayNumber;
        var last = first + rules.SustainmentDays;
        if (AsOf.DayNumber < last)
        {
            return (0, true);
        }

        foreach (var other in customerSpells)
        {
            var start = other.ClaimStart.DayNumber;
            if (other.Benefit == Benefit.Jsa && start > first && start <= last
                && other.ClaimId != spell.ClaimId)
            {
                return (0, false);
            }
        }

        return (rules.SustainmentPoints, false);
    }
}

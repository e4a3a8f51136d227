using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// The generator's own reading of SPEC §3 (end) and §4, applied to the truth: which spell each true employment is
/// attributed to, which become outcomes, and their points. Written apart from the program's attribution and points
/// code on purpose, so that comparing the two checks both. Rule values (windows, points, premiums) are read from the
/// rule sets, which are data; the logic is this file's.
/// </summary>
internal sealed class OutcomeOracle(RuleSetCatalog rules, DateOnly asOf)
{
    /// <summary>One customer's spells (with their rows, in claim_id order) and jobs (with their rows).</summary>
    public void Judge(
        List<TrueSpell> spells,
        List<SyntheticClaim> claims,
        bool deprivedArea,
        List<TrueJob> jobs,
        List<SyntheticEmployment> employments,
        List<TruePair> truth,
        List<TrueOutcome> outcomes)
    {
        // Per spell: the index of the job credited to it so far, -1 if none.
        Span<int> credited = stackalloc int[spells.Count];
        credited.Fill(-1);

        for (var j = 0; j < jobs.Count; j++)
        {
            var start = jobs[j].Start;
            var window = -1;
            var running = -1;
            if (rules.TryForDate(DateOnly.FromDayNumber(start), out var set))
            {
                window = WindowSpell(spells, start, set);
                running = window < 0 ? RunningSpell(spells, start, set) : -1;
            }

            // The truth names the spell the job belongs to, or, when it belongs to none, the customer's first spell:
            // identity is the customer's either way.
            var spell = window >= 0 ? window : running >= 0 ? running : 0;
            truth.Add(new TruePair(employments[j], claims[spell]));

            // One outcome a spell: the earliest start (start dates of one person never repeat).
            if (window >= 0 && (credited[window] < 0 || start < jobs[credited[window]].Start))
            {
                credited[window] = j;
            }
        }

        for (var s = 0; s < spells.Count; s++)
        {
            if (credited[s] >= 0)
            {
                outcomes.Add(Score(spells, s, deprivedArea, jobs[credited[s]].Start, employments[credited[s]], claims[s]));
            }
        }
    }

    /// <summary>The ended spell whose window holds the start; nearest claim_end, then earliest spell.</summary>
    private static int WindowSpell(List<TrueSpell> spells, int start, RuleSet set)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var s = 0; s < spells.Count; s++)
        {
            var spell = spells[s];
            if (!spell.IsEnded || start < spell.End - set.WindowBeforeDays || start > spell.End + set.WindowAfterDays)
            {
                continue;
            }

            var distance = Math.Abs(start - spell.End);
            if (distance < bestDistance)
            {
                best = s;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>A spell running when the job started (working while claiming); the latest claim_start wins.</summary>
    private static int RunningSpell(List<TrueSpell> spells, int start, RuleSet set)
    {
        var best = -1;
        for (var s = 0; s < spells.Count; s++)
        {
            var spell = spells[s];
            if (start >= spell.Start && (!spell.IsEnded || start < spell.End - set.WindowBeforeDays)
                && (best < 0 || spell.Start > spells[best].Start))
            {
                best = s;
            }
        }

        return best;
    }

    private TrueOutcome Score(List<TrueSpell> spells, int s, bool deprivedArea, int start, SyntheticEmployment employment, SyntheticClaim claim)
    {
        var set = rules.ForDate(DateOnly.FromDayNumber(start));
        var spell = spells[s];
        var group = Group(spell, set);
        var basePoints = set.BasePoints[(Points.PriorityGroup)group];

        var sustain = 0;
        var pending = false;
        if (set.SustainmentEnabled && spell.Benefit == Benefit.Jsa)
        {
            var until = start + set.SustainmentDays;
            pending = asOf.DayNumber < until;
            var returned = false;
            for (var o = 0; o < spells.Count; o++)
            {
                returned |= o != s && spells[o].Benefit == Benefit.Jsa && spells[o].Start > start && spells[o].Start <= until;
            }

            sustain = pending || returned ? 0 : set.SustainmentPoints;
        }

        var area = 0;
        if (set.DeprivedAreaEnabled && deprivedArea)
        {
            var share = (int)Math.Ceiling(basePoints * set.DeprivedAreaPercent / 100.0);
            area = Math.Max(share, set.DeprivedAreaMinimum);
        }

        var child = set.ChildPremiumEnabled && spell.HasChildren ? set.ChildPremiumPoints : 0;
        return new TrueOutcome(employment, claim, group, basePoints + sustain + area + child, pending);
    }

    /// <summary>SPEC §4's table, first group that applies.</summary>
    private static int Group(TrueSpell spell, RuleSet set)
    {
        if (spell.LoneParent || spell.Programme is Programme.NdLp or Programme.NdDp
            || spell.Benefit is Benefit.Is or Benefit.Ib or Benefit.Esa or Benefit.Sda or Benefit.Ca)
        {
            return 1;
        }

        var jsaDays = spell.End - spell.Start;
        if (spell.Programme is Programme.Nd50Plus or Programme.Nd25Plus or Programme.NdYp or Programme.Ez
            || spell.Disabled || (spell.Benefit == Benefit.Jsa && jsaDays >= set.LongJsaSpellDays))
        {
            return 2;
        }

        if (spell.Benefit == Benefit.Jsa)
        {
            return 3;
        }

        return spell.Employed ? 5 : 4;
    }
}

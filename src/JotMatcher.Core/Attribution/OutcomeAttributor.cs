using JotMatcher.Core.Matching;
using JotMatcher.Core.Points;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;

namespace JotMatcher.Core.Attribution;

/// <summary>
/// Attributes links to spells (SPEC §3 end, §4): the ended spell whose window holds the employment start, one outcome
/// a spell; referrals for work started while a spell was running; and points for every outcome.
/// One pass over the links against spells grouped by customer (shared among threads, gathered in link order), then
/// one sort to settle spells claimed twice: O(n log n) overall.
/// </summary>
public sealed class OutcomeAttributor(RuleSetCatalog rules, ReferenceData reference, DateOnly asOf)
{
    public RuleSetCatalog Rules { get; } = rules;
    public ReferenceData Reference { get; } = reference;
    public DateOnly AsOf { get; } = asOf;

    /// <summary>
    /// Attributes the matcher's links, finding each customer's spells where the matcher grouped them (the claims must be
    /// those it matched); a result made elsewhere has its claims grouped here.
    /// </summary>
    public AttributionResult Attribute(MatchResult match, IReadOnlyList<ClaimSpell> claims, ParallelOptions? parallel = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(claims);
        var grouped = match.SpellsByCustomer is { } bySpells && match.Links.All(static l => l.Customer >= 0) ? bySpells : CustomerSpells.Build(claims);
        return Attribute(match.Links, grouped, parallel ?? new ParallelOptions());
    }

    public AttributionResult Attribute(IReadOnlyList<IdentityLink> links, IReadOnlyList<ClaimSpell> claims, ParallelOptions? parallel = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(claims);
        return Attribute(links, CustomerSpells.Build(claims), parallel ?? new ParallelOptions());
    }

    private AttributionResult Attribute(IReadOnlyList<IdentityLink> links, CustomerSpells byCustomer, ParallelOptions parallel)
    {
        var spells = byCustomer.Spells;

        // Each link's spell is found on its own (threads write their links' slots), then the lists are made in link order.
        var spellOf = new SpellFound[links.Count];
        Parallel.For(0, links.Count, parallel, i => spellOf[i] = FindSpell(links[i], byCustomer));

        // Counted first, so each list is made at its size: grown by doubling, the three left 200 MB of discarded
        // arrays at 5 million people, in the step where the run's memory peaks.
        int windows = 0, running = 0;
        foreach (var found in spellOf)
        {
            windows += found.Kind == SpellKind.Window ? 1 : 0;
            running += found.Kind == SpellKind.Running ? 1 : 0;
        }

        var claimed = new List<SpellClaim>(windows);
        var referrals = new List<Referral>(running);
        var noOutcome = new List<IdentityLink>(links.Count - windows - running);
        for (var i = 0; i < links.Count; i++)
        {
            var found = spellOf[i];
            switch (found.Kind)
            {
                case SpellKind.Window:
                    claimed.Add(new SpellClaim(i, found.Spell, found.CustomerFirst, found.CustomerCount));
                    break;
                case SpellKind.Running:
                    referrals.Add(new Referral(links[i], spells[found.Spell]));
                    break;
                default:
                    noOutcome.Add(links[i]);
                    break;
            }
        }

        var (outcomes, notCredited, outcomesByLink, notCreditedByLink) = Credit(claimed, links, spells, parallel);
        // Links come from the matcher in hmrc_id order, so the outcomes and links taken in link order are usually in
        // the order sought already: checking that is one comparison a row, sorting twenty, each a few cache misses.
        // Only rows strictly in order are taken so (the sort is not stable: with two equal rows its order is its
        // own); otherwise the rows are sorted exactly as they always were.
        outcomes = InOrderOrSorted(outcomesByLink, outcomes, static (a, b) => RecordId.Compare(a.HmrcId, a.Spell.ClaimId, b.HmrcId, b.Spell.ClaimId));
        referrals = InOrderOrSorted(referrals, referrals, static (a, b) => RecordId.Compare(a.Link.Employment.HmrcId, a.Spell.ClaimId, b.Link.Employment.HmrcId, b.Spell.ClaimId));
        notCredited = InOrderOrSorted(notCreditedByLink, notCredited, CompareLinks);
        noOutcome = InOrderOrSorted(noOutcome, noOutcome, CompareLinks);
        return new AttributionResult(outcomes, referrals, notCredited, noOutcome);
    }

    /// <summary>Where one link's job falls: in an ended spell's window, during a running spell, or neither.</summary>
    private SpellFound FindSpell(IdentityLink link, CustomerSpells byCustomer)
    {
        var start = link.Employment.EmploymentStart;

        // A job that started before any rule set was in force cannot be an outcome or a referral under any rules;
        // it is counted as matched with no outcome rather than stopping the night's run for one old notification.
        if (!byCustomer.TryGetRange(link, out var first, out var count) || !Rules.TryForDate(start, out var rules))
        {
            return default;
        }

        var customerSpells = byCustomer.Spells.AsSpan(first, count);
        var windowSpell = NearestWindowSpell(customerSpells, start, rules);
        if (windowSpell >= 0)
        {
            return new SpellFound(SpellKind.Window, first + windowSpell, first, count);
        }

        var runningSpell = RunningSpell(customerSpells, start, rules);
        return runningSpell >= 0 ? new SpellFound(SpellKind.Running, first + runningSpell, first, count) : default;
    }

    /// <summary>Index of the ended spell whose window holds <paramref name="start"/>, nearest claim_end first, then smaller claim_id; -1 if none.</summary>
    private static int NearestWindowSpell(ReadOnlySpan<ClaimSpell> spells, DateOnly start, RuleSet rules)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var j = 0; j < spells.Length; j++)
        {
            if (spells[j].ClaimEnd is not { } end || !AttributionWindow.Around(end, rules).Contains(start))
            {
                continue;
            }

            var distance = Math.Abs(start.DayNumber - end.DayNumber);
            if (distance < bestDistance
                || (distance == bestDistance && spells[j].ClaimId < spells[best].ClaimId))
            {
                best = j;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Index of a spell running when the job started (on or after claim_start, and before the window opens or with no
    /// claim_end): the latest claim_start, then smaller claim_id; -1 if none.
    /// </summary>
    private static int RunningSpell(ReadOnlySpan<ClaimSpell> spells, DateOnly start, RuleSet rules)
    {
        var best = -1;
        for (var j = 0; j < spells.Length; j++)
        {
            var spell = spells[j];
            var running = start >= spell.ClaimStart
                && (spell.ClaimEnd is not { } end || start < AttributionWindow.Around(end, rules).From);
            if (running
                && (best < 0
                    || spell.ClaimStart > spells[best].ClaimStart
                    || (spell.ClaimStart == spells[best].ClaimStart && spell.ClaimId < spells[best].ClaimId)))
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// <paramref name="candidate"/> when it is strictly in <paramref name="compare"/> order — the one order any sort
    /// gives rows with no two equal — else <paramref name="rows"/> (the same rows in the order they were made) sorted.
    /// </summary>
    private static List<T> InOrderOrSorted<T>(List<T> candidate, List<T> rows, Comparison<T> compare)
    {
        for (var i = 1; i < candidate.Count; i++)
        {
            if (compare(candidate[i - 1], candidate[i]) >= 0)
            {
                rows.Sort(compare);
                return rows;
            }
        }

        return candidate;
    }

    /// <summary>
    /// One outcome a spell (SPEC §3): of the links that fell to one spell, the earliest employment start wins,
    /// then the higher score, then the smaller hmrc_id; the others are matched but earn nothing. Both lists are
    /// given twice: in the order worked out, and in link order.
    /// </summary>
    private (List<JobOutcome> Outcomes, List<IdentityLink> NotCredited, List<JobOutcome> OutcomesByLink, List<IdentityLink> NotCreditedByLink) Credit(
        List<SpellClaim> claimed, IReadOnlyList<IdentityLink> links, ClaimSpell[] spells, ParallelOptions parallel)
    {
        claimed.Sort((a, b) =>
        {
            var bySpell = a.Spell.CompareTo(b.Spell);
            if (bySpell != 0)
            {
                return bySpell;
            }

            var x = links[a.Link];
            var y = links[b.Link];
            var byStart = x.Employment.EmploymentStart.CompareTo(y.Employment.EmploymentStart);
            if (byStart != 0)
            {
                return byStart;
            }

            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Employment.HmrcId.CompareTo(y.Employment.HmrcId);
        });

        var points = new PointsCalculator(Rules, Reference.DeprivedAreas, AsOf);
        var notCredited = new List<IdentityLink>();
        // By link (a link claims one spell at most): its outcome, or whether it was claimed but not credited; to list
        // both in link order too.
        var byLink = new JobOutcome?[links.Count];
        var notCreditedLink = new bool[links.Count];
        // The credited claims (each spell's first) are moved up in place: a copy would be another list of them all.
        var credited = 0;
        var previousSpell = -1;
        for (var k = 0; k < claimed.Count; k++)
        {
            var claim = claimed[k];
            if (claim.Spell == previousSpell)
            {
                notCredited.Add(links[claim.Link]);
                notCreditedLink[claim.Link] = true;
            }
            else
            {
                claimed[credited++] = claim;
            }

            previousSpell = claim.Spell;
        }

        // Each credited link's points are worked out on their own (threads write their own slots).
        var outcomesArray = new JobOutcome[credited];
        Parallel.For(0, credited, parallel, k =>
        {
            var claim = claimed[k];
            var link = links[claim.Link];
            var spell = spells[claim.Spell];
            var award = points.Award(spell, link.Employment.EmploymentStart, spells.AsSpan(claim.CustomerFirst, claim.CustomerCount));
            outcomesArray[k] = byLink[claim.Link] = new JobOutcome(link, spell, award);
        });
        var outcomes = new List<JobOutcome>(outcomesArray);

        var outcomesByLink = new List<JobOutcome>(outcomes.Count);
        var notCreditedByLink = new List<IdentityLink>(notCredited.Count);
        for (var i = 0; i < links.Count; i++)
        {
            if (byLink[i] is { } outcome)
            {
                outcomesByLink.Add(outcome);
            }
            else if (notCreditedLink[i])
            {
                notCreditedByLink.Add(links[i]);
            }
        }

        return (outcomes, notCredited, outcomesByLink, notCreditedByLink);
    }

    private static int CompareLinks(IdentityLink a, IdentityLink b)
        => RecordId.Compare(a.Employment.HmrcId, a.CustomerId, b.Employment.HmrcId, b.CustomerId);

    private enum SpellKind : byte
    {
        None,
        Window,
        Running,
    }

    /// <summary>A link's spell (an index into the grouped spells) and its customer's range of spells.</summary>
    private readonly record struct SpellFound(SpellKind Kind, int Spell, int CustomerFirst, int CustomerCount);

    /// <summary>Link <see cref="Link"/> fell in the window of spell <see cref="Spell"/> (an index into the grouped spells).</summary>
    private readonly record struct SpellClaim(int Link, int Spell, int CustomerFirst, int CustomerCount);
}

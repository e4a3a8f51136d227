using JotMatcher.Core.Matching.Blocking;

namespace JotMatcher.Core.Matching;

/// <summary>
/// SPEC §3 deterministic pass: the same valid NINo stem (suffix ignored) and the date of birth or the surname agreeing.
/// One customer agreeing is a link; two or more is a tie for review. A customer with the same NINo but neither field
/// agreeing is a NINo in use by two people: a review case, and never a link from this pass.
/// </summary>
internal static class DeterministicPass
{
    public static void Run(IdentityProfile[] employments, IdentityProfile[] customers, KeyIndex byStem,
        PassDecision[] decisions, Candidate[]?[] sharedNino, ParallelOptions parallel)
    {
        // The records' stems merged with the customers' once, rather than a scattered look-up a record.
        var blocks = byStem.RangesFor(new KeyIndex(Array.ConvertAll(employments, e => e.Stem), parallel), employments.Length);

        // Each thread reuses its two candidate lists: only a tie's own array is allocated, once, at its final size.
        Parallel.For(0, employments.Length, parallel, () => (Agreeing: new List<Candidate>(), Disagreeing: new List<Candidate>()), (h, _, lists) =>
        {
            ref readonly var e = ref employments[h];
            if (e.Stem == 0)
            {
                return lists;
            }

            var (agreeing, disagreeing) = lists;
            agreeing.Clear();
            disagreeing.Clear();
            foreach (var c in byStem.ItemsAt(blocks[h]))
            {
                ref readonly var p = ref customers[c];
                var agrees = (e.DobYmd != IdentityProfile.NoDate && e.DobYmd == p.DobYmd)
                    || (e.Surname.Length > 0 && string.Equals(e.Surname, p.Surname, StringComparison.Ordinal));
                var list = agrees ? agreeing : disagreeing;

                // Profiles come in customer order: keep the first (agreeing) variant of each customer.
                if (list.Count == 0 || list[^1].Customer != p.Owner)
                {
                    list.Add(new Candidate(p.Owner, c, 0));
                }
            }

            if (agreeing.Count > 0)
            {
                decisions[h] = agreeing.Count == 1
                    ? PassDecision.Link(MatchPass.Deterministic, agreeing[0])
                    : PassDecision.Review(MatchPass.Deterministic, PassDecision.Reasons.Tie, [.. agreeing]);
                RemoveCustomersOf(agreeing, disagreeing);
            }

            if (disagreeing.Count > 0)
            {
                sharedNino[h] = [.. disagreeing];
            }

            return lists;
        }, _ => { });
    }

    // A customer with one variant agreeing and another not is an agreeing customer (a loop, not a lambda: a capture
    // would cost every record an allocation).
    private static void RemoveCustomersOf(List<Candidate> agreeing, List<Candidate> disagreeing)
    {
        var kept = 0;
        for (var i = 0; i < disagreeing.Count; i++)
        {
            var d = disagreeing[i];
            var alsoAgrees = false;
            foreach (var a in agreeing)
            {
                alsoAgrees |= a.Customer == d.Customer;
            }

            if (!alsoAgrees)
            {
                disagreeing[kept++] = d;
            }
        }

        disagreeing.RemoveRange(kept, disagreeing.Count - kept);
    }
}

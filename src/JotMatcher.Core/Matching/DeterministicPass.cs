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
        PassDecision?[] decisions, Candidate[]?[] sharedNino, ParallelOptions parallel)
    {
        Parallel.For(0, employments.Length, parallel, h =>
        {
            var e = employments[h];
            if (e.Stem == 0)
            {
                return;
            }

            List<Candidate>? agreeing = null;
            List<Candidate>? disagreeing = null;
            foreach (var c in byStem.Find(e.Stem))
            {
                var p = customers[c];
                var agrees = (e.DobYmd != IdentityProfile.NoDate && e.DobYmd == p.DobYmd)
                    || (e.Surname.Length > 0 && string.Equals(e.Surname, p.Surname, StringComparison.Ordinal));
                var list = agrees ? agreeing ??= [] : disagreeing ??= [];

                // Profiles come in customer order: keep the first (agreeing) variant of each customer.
                if (list.Count == 0 || list[^1].Customer != p.Owner)
                {
                    list.Add(new Candidate(p.Owner, c, 0));
                }
            }

            if (agreeing is not null)
            {
                decisions[h] = agreeing.Count == 1
                    ? new PassDecision(MatchPass.Deterministic, null, [agreeing[0]])
                    : new PassDecision(MatchPass.Deterministic, PassDecision.Reasons.Tie, [.. agreeing]);
                disagreeing?.RemoveAll(d => agreeing.Exists(a => a.Customer == d.Customer));
            }

            if (disagreeing is { Count: > 0 })
            {
                sharedNino[h] = [.. disagreeing];
            }
        });
    }
}

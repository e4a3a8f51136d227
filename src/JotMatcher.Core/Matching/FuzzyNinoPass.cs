using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Model;
using L = JotMatcher.Core.Matching.Comparison.ComparisonLevels;

namespace JotMatcher.Core.Matching;

/// <summary>
/// SPEC §3 fuzzy NINo pass: NINo stems one substitution or one adjacent transposition apart, the date of birth agreeing
/// (exactly or day/month swapped) and the names agreeing closely: surname exact, one edit, Jaro-Winkler ≥ 0.92 or one
/// part of a double-barrelled name, with the forename exact, a nickname, an initial or as close — or the two names swapped.
/// Candidates are ranked by their probabilistic weight, which is also their score.
/// </summary>
internal static class FuzzyNinoPass
{
    public static void Run(IdentityProfile[] employments, IdentityProfile[] customers, int[]?[] oneEditCandidates,
        MatchModel model, MatchingSettings settings, PassDecision[] decisions, ParallelOptions parallel)
    {
        Parallel.For(0, employments.Length, parallel, h =>
        {
            if (decisions[h].IsMade || oneEditCandidates[h] is not { } profiles)
            {
                return;
            }

            ref readonly var e = ref employments[h];
            var qualifying = new List<Candidate>();
            foreach (var c in profiles)
            {
                // Only a date of birth that agrees can qualify, and it costs two integers to check: at millions of
                // people most NINos one edit away are strangers' (the stems are dense), so the names are compared
                // only for the few that pass.
                ref readonly var p = ref customers[c];
                if (!DateOfBirthQualifies(PairComparer.CompareDob(e, p)))
                {
                    continue;
                }

                var v = PairComparer.Compare(e, p);
                if (Qualifies(v))
                {
                    qualifying.Add(new Candidate(p.Owner, c, model.TotalLog2Odds(v, p)));
                }
            }

            decisions[h] = CandidateResolver.ResolveRuleBased(MatchPass.FuzzyNino, CandidateResolver.BestPerCustomer(qualifying), settings);
        });
    }

    public static bool Qualifies(in ComparisonVector v)
    {
        if (!DateOfBirthQualifies(v.DateOfBirth))
        {
            return false;
        }

        if (v.Surname == L.Surname.Swapped)
        {
            return true;
        }

        var surnameClose = v.Surname is L.Exact or L.Surname.Dl1 or L.Surname.Jw92 or L.Surname.DoubleBarrel;
        var forenameClose = v.Forenames is L.Exact or L.Forenames.Nickname or L.Forenames.Dl1 or L.Forenames.Jw92
            or L.Forenames.Initial or L.Forenames.NicknameTypo or L.Missing;
        return surnameClose && forenameClose;
    }

    private static bool DateOfBirthQualifies(byte level) => level is L.Exact or L.DateOfBirth.DayMonthSwap;
}

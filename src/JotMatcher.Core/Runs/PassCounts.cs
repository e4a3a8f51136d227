using JotMatcher.Core.Matching;

namespace JotMatcher.Core.Runs;

/// <summary>Accepted identity links per matching pass.</summary>
public readonly record struct PassCounts(int Deterministic, int FuzzyNino, int Probabilistic)
{
    public static PassCounts Of(IEnumerable<IdentityLink> links)
    {
        int deterministic = 0, fuzzy = 0, probabilistic = 0;
        foreach (var link in links)
        {
            switch (link.Pass)
            {
                case MatchPass.Deterministic: deterministic++; break;
                case MatchPass.FuzzyNino: fuzzy++; break;
                case MatchPass.Probabilistic: probabilistic++; break;
            }
        }

        return new PassCounts(deterministic, fuzzy, probabilistic);
    }
}

using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;

namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>The rows of a run result that belong to the months being replaced (a row's month is its employment start's).</summary>
internal sealed record ResultRows(
    IReadOnlyList<JobOutcome> Outcomes,
    IReadOnlyList<ReviewCase> Reviews,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<(IdentityLink Link, string Disposition)> Links,
    IReadOnlyDictionary<string, long> HmrcRecords,
    IReadOnlyDictionary<string, ClaimSpell> ClaimsById)
{
    public static ResultRows For(IReadOnlyList<string> months, RunInput input, RunResult result)
    {
        var wanted = new HashSet<string>(months, StringComparer.Ordinal);
        bool In(DateOnly start) => wanted.Contains(MonthResultsWriter.MonthOf(start));

        var links = new List<(IdentityLink, string)>();
        AddLinks(links, result.Attribution.Outcomes.Select(o => o.Link), "outcome", In);
        AddLinks(links, result.Attribution.Referrals.Select(r => r.Link), "referral", In);
        AddLinks(links, result.Attribution.MatchedNotCredited, "not_credited", In);
        AddLinks(links, result.Attribution.MatchedNoOutcome, "no_outcome", In);

        var hmrcRecords = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in input.Employments)
        {
            var month = MonthResultsWriter.MonthOf(e.EmploymentStart);
            if (wanted.Contains(month))
            {
                hmrcRecords[month] = hmrcRecords.GetValueOrDefault(month) + 1;
            }
        }

        var claimsById = new Dictionary<string, ClaimSpell>(StringComparer.Ordinal);
        foreach (var c in input.Claims)
        {
            claimsById.TryAdd(c.ClaimId, c);
        }

        return new ResultRows(
            [.. result.Attribution.Outcomes.Where(o => In(o.Link.Employment.EmploymentStart))],
            [.. result.Match.Reviews.Where(r => In(r.Employment.EmploymentStart))],
            [.. result.Attribution.Referrals.Where(r => In(r.Link.Employment.EmploymentStart))],
            links,
            hmrcRecords,
            claimsById);
    }

    private static void AddLinks(List<(IdentityLink, string)> links, IEnumerable<IdentityLink> source, string disposition, Func<DateOnly, bool> wanted)
    {
        foreach (var link in source)
        {
            if (wanted(link.Employment.EmploymentStart))
            {
                links.Add((link, disposition));
            }
        }
    }
}

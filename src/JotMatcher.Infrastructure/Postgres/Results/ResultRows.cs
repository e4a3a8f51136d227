using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Infrastructure.Postgres.Results;

/// <summary>A result row with its month (its employment start's, <c>yyyy-MM</c>), worked out once per row.</summary>
internal readonly record struct InMonth<T>(string Month, T Row);

/// <summary>One month's totals of the rows being written, for the change report.</summary>
internal sealed class MonthTally
{
    public long Outcomes { get; set; }

    public long Points { get; set; }

    public long Reviews { get; set; }

    public long Referrals { get; set; }
}

/// <summary>
/// The rows of a run result that belong to the months being replaced (a row's month is its employment start's),
/// each with its month, and each month's totals: one pass over the result instead of one per month.
/// </summary>
internal sealed record ResultRows(
    IReadOnlyList<InMonth<JobOutcome>> Outcomes,
    IReadOnlyList<InMonth<ReviewCase>> Reviews,
    IReadOnlyList<InMonth<Referral>> Referrals,
    IReadOnlyList<(string Month, IdentityLink Link, string Disposition)> Links,
    IReadOnlyDictionary<string, long> HmrcRecords,
    IReadOnlyDictionary<string, ClaimSpell> ClaimsById,
    IReadOnlyDictionary<string, MonthTally> Tallies)
{
    public static ResultRows For(IReadOnlyList<string> months, RunInput input, RunResult result)
    {
        var names = new MonthNames();
        var tallies = new Dictionary<string, MonthTally>(StringComparer.Ordinal);
        foreach (var month in months)
        {
            tallies.TryAdd(month, new MonthTally());
        }

        // The month of a row, or null when the row's month is not being replaced.
        string? Wanted(DateOnly start)
        {
            var month = names.Of(start);
            return tallies.ContainsKey(month) ? month : null;
        }

        var outcomes = new List<InMonth<JobOutcome>>();
        foreach (var o in result.Attribution.Outcomes)
        {
            if (Wanted(o.Link.Employment.EmploymentStart) is { } month)
            {
                outcomes.Add(new(month, o));
                var tally = tallies[month];
                tally.Outcomes++;
                tally.Points += o.Points.TotalPoints;
            }
        }

        var reviews = new List<InMonth<ReviewCase>>();
        foreach (var r in result.Match.Reviews)
        {
            if (Wanted(r.Employment.EmploymentStart) is { } month)
            {
                reviews.Add(new(month, r));
                tallies[month].Reviews++;
            }
        }

        var referrals = new List<InMonth<Referral>>();
        foreach (var r in result.Attribution.Referrals)
        {
            if (Wanted(r.Link.Employment.EmploymentStart) is { } month)
            {
                referrals.Add(new(month, r));
                tallies[month].Referrals++;
            }
        }

        var links = new List<(string, IdentityLink, string)>();
        AddLinks(links, result.Attribution.Outcomes.Select(o => o.Link), "outcome", Wanted);
        AddLinks(links, result.Attribution.Referrals.Select(r => r.Link), "referral", Wanted);
        AddLinks(links, result.Attribution.MatchedNotCredited, "not_credited", Wanted);
        AddLinks(links, result.Attribution.MatchedNoOutcome, "no_outcome", Wanted);

        var hmrcRecords = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in input.Employments)
        {
            if (Wanted(e.EmploymentStart) is { } month)
            {
                hmrcRecords[month] = hmrcRecords.GetValueOrDefault(month) + 1;
            }
        }

        return new ResultRows(outcomes, reviews, referrals, links, hmrcRecords, ReviewedClaims(input.Claims, reviews), tallies);
    }

    /// <summary>The first claim of each id a review case names (its NINo gives the case's pseudonym); only those are kept.</summary>
    private static Dictionary<string, ClaimSpell> ReviewedClaims(IReadOnlyList<ClaimSpell> claims, List<InMonth<ReviewCase>> reviews)
    {
        var claimsById = new Dictionary<string, ClaimSpell>(StringComparer.Ordinal);
        if (reviews.Count == 0)
        {
            return claimsById;
        }

        var wanted = new HashSet<string>(reviews.Select(r => r.Row.ClaimId), StringComparer.Ordinal);
        foreach (var c in claims)
        {
            if (wanted.Contains(c.ClaimId))
            {
                claimsById.TryAdd(c.ClaimId, c);
            }
        }

        return claimsById;
    }

    private static void AddLinks(
        List<(string, IdentityLink, string)> links, IEnumerable<IdentityLink> source, string disposition, Func<DateOnly, string?> wanted)
    {
        foreach (var link in source)
        {
            if (wanted(link.Employment.EmploymentStart) is { } month)
            {
                links.Add((month, link, disposition));
            }
        }
    }
}

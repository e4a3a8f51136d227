using System.Globalization;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Tests.Points;

/// <summary>Small records for rule tests: only the fields the rules read, dates as <c>YYYY-MM-DD</c> text so rows read like the data.</summary>
internal static class RecordFactory
{
    public static DateOnly Day(string yyyyMmDd) => DateOnly.ParseExact(yyyyMmDd, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ClaimSpell Spell(
        string claimId,
        string start,
        string? end,
        Benefit benefit = Benefit.Jsa,
        string customerId = "C1",
        bool loneParent = false,
        bool disabled = false,
        bool employed = false,
        bool hasChildren = false,
        Programme programme = Programme.None,
        string areaCode = "") => new()
        {
            ClaimId = claimId,
            CustomerId = customerId,
            Nino = Nino.Parse("AB123456C"),
            Benefit = benefit,
            LoneParent = loneParent,
            Disabled = disabled,
            Employed = employed,
            HasChildren = hasChildren,
            Programme = programme,
            ClaimStart = Day(start),
            ClaimEnd = end is null ? null : Day(end),
            AreaCode = areaCode,
        };

    public static IdentityLink Link(string hmrcId, string employmentStart, string customerId = "C1", double score = 1.0)
        => new(
            new HmrcEmployment { HmrcId = hmrcId, EmploymentStart = Day(employmentStart) },
            customerId,
            MatchPass.Deterministic,
            score,
            []);
}

using JotMatcher.Core.Matching;
using JotMatcher.Core.Points;
using JotMatcher.Core.Records;

namespace JotMatcher.Core.Attribution;

/// <summary>An off-benefit-into-work event (SPEC §4): a link attributed to one ended spell, with its points.</summary>
public sealed record JobOutcome(
    IdentityLink Link,
    ClaimSpell Spell,
    PointsAward Points)
{
    public RecordId HmrcId => Link.Employment.HmrcId;

    /// <summary>The calendar month of the employment start, <c>YYYY-MM</c>.</summary>
    public string EmploymentMonth => Link.Employment.EmploymentStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

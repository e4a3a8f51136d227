using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Records;

/// <summary>One row of an HMRC employment feed: a notified employment start, parsed and validated.</summary>
public sealed record HmrcEmployment
{
    public required string HmrcId { get; init; }
    public Nino Nino { get; init; }
    public string Surname { get; init; } = "";
    public string Forenames { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public Sex Sex { get; init; }
    /// <summary>Upper case, no spaces.</summary>
    public string Postcode { get; init; } = "";
    public string EmployerRef { get; init; } = "";
    public required DateOnly EmploymentStart { get; init; }
    public DateOnly? NotifiedOn { get; init; }
    public SourceLocation Source { get; init; }
}

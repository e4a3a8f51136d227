using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Records;

/// <summary>One row of a claims extract: a customer's spell with Jobcentre Plus, parsed and validated.</summary>
public sealed record ClaimSpell
{
    public required string ClaimId { get; init; }
    public required string CustomerId { get; init; }
    public Nino Nino { get; init; }
    public string Surname { get; init; } = "";
    public string Forenames { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public Sex Sex { get; init; }
    /// <summary>Upper case, no spaces.</summary>
    public string Postcode { get; init; } = "";
    public Benefit Benefit { get; init; }
    public bool Employed { get; init; }
    public bool LoneParent { get; init; }
    public bool Disabled { get; init; }
    public bool HasChildren { get; init; }
    public Programme Programme { get; init; }
    public required DateOnly ClaimStart { get; init; }
    public DateOnly? ClaimEnd { get; init; }
    public string OfficeCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string AreaCode { get; init; } = "";
    public SourceLocation Source { get; init; }
}

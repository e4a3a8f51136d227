using JotMatcher.Core.Records;

namespace JotMatcher.Core.Synthetic;

/// <summary>One claims-extract row of a synthetic dataset, as the file will carry it. Ids are set when its batch is numbered.</summary>
public sealed class SyntheticClaim
{
    public string ClaimId { get; internal set; } = "";
    public string CustomerId { get; internal set; } = "";
    public required RecordedIdentity Identity { get; init; }
    public Benefit Benefit { get; init; }
    public bool Employed { get; init; }
    public bool LoneParent { get; init; }
    public bool Disabled { get; init; }
    public bool HasChildren { get; init; }
    public Programme Programme { get; init; }
    /// <summary>Blank only on a junk row meant to be rejected.</summary>
    public RecordedDate ClaimStart { get; init; }
    public RecordedDate ClaimEnd { get; init; }
    public string OfficeCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string AreaCode { get; init; } = "";

    /// <summary>A junk row the reader must reject; never in the truth.</summary>
    public bool IsIntendedReject { get; init; }

    /// <summary>Which customer of its batch the row belongs to (0-based), for numbering.</summary>
    internal int CustomerOrdinal { get; init; }
}

/// <summary>One HMRC-feed row of a synthetic dataset, as the file will carry it. The id is set when its batch is numbered.</summary>
public sealed class SyntheticEmployment
{
    public string HmrcId { get; internal set; } = "";
    public required RecordedIdentity Identity { get; init; }
    public string EmployerRef { get; init; } = "";
    public RecordedDate EmploymentStart { get; init; }
    public RecordedDate NotifiedOn { get; init; }

    /// <summary>A junk row the reader must reject; never in the truth.</summary>
    public bool IsIntendedReject { get; init; }

    /// <summary>Position in the output, global; orders the truth rows as the ids are ordered.</summary>
    internal long Sequence { get; set; }
}

/// <summary>A true pair (SPEC §5 truth file): an HMRC row and a spell of the customer it really belongs to.</summary>
public sealed record TruePair(SyntheticEmployment Employment, SyntheticClaim Claim)
{
    public string HmrcId => Employment.HmrcId;
    public string ClaimId => Claim.ClaimId;
}

/// <summary>A job outcome as the generator's own oracle scores it from the truth (SPEC §4).</summary>
public sealed record TrueOutcome(SyntheticEmployment Employment, SyntheticClaim Claim, int PriorityGroup, int TotalPoints, bool SustainPending)
{
    public string HmrcId => Employment.HmrcId;
    public string ClaimId => Claim.ClaimId;
}

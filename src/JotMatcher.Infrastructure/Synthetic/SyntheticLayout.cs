namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>
/// Column order of the synthetic files. The standard layout is SPEC §2's order with lower-case names; the legacy
/// layout is what an older extract system sends: upper-case names in another order, extra quoted columns the reader
/// must ignore, DD/MM/YYYY dates, quoted text and CRLF line ends.
/// </summary>
internal sealed record SyntheticLayout(bool Legacy, ClaimColumn[] ClaimColumns, HmrcColumn[] HmrcColumns)
{
    public static SyntheticLayout Standard { get; } = new(
        false,
        [
            ClaimColumn.ClaimId, ClaimColumn.CustomerId, ClaimColumn.Nino, ClaimColumn.Surname, ClaimColumn.Forenames,
            ClaimColumn.DateOfBirth, ClaimColumn.Sex, ClaimColumn.Postcode, ClaimColumn.Benefit, ClaimColumn.Employed,
            ClaimColumn.LoneParent, ClaimColumn.Disabled, ClaimColumn.HasChildren, ClaimColumn.Programme,
            ClaimColumn.ClaimStart, ClaimColumn.ClaimEnd, ClaimColumn.OfficeCode, ClaimColumn.DistrictCode, ClaimColumn.AreaCode,
        ],
        [
            HmrcColumn.HmrcId, HmrcColumn.Nino, HmrcColumn.Surname, HmrcColumn.Forenames, HmrcColumn.DateOfBirth,
            HmrcColumn.Sex, HmrcColumn.Postcode, HmrcColumn.EmployerRef, HmrcColumn.EmploymentStart, HmrcColumn.NotifiedOn,
        ]);

    public static SyntheticLayout LegacyExtract { get; } = new(
        true,
        [
            ClaimColumn.CustomerId, ClaimColumn.RecordType, ClaimColumn.Surname, ClaimColumn.Forenames, ClaimColumn.DateOfBirth,
            ClaimColumn.Sex, ClaimColumn.Nino, ClaimColumn.Postcode, ClaimColumn.AreaCode, ClaimColumn.ClaimId,
            ClaimColumn.Benefit, ClaimColumn.ClaimStart, ClaimColumn.ClaimEnd, ClaimColumn.ExtractNote, ClaimColumn.Programme,
            ClaimColumn.LoneParent, ClaimColumn.Disabled, ClaimColumn.HasChildren, ClaimColumn.Employed,
            ClaimColumn.DistrictCode, ClaimColumn.OfficeCode,
        ],
        [
            HmrcColumn.EmploymentStart, HmrcColumn.NotifiedOn, HmrcColumn.SchemeNote, HmrcColumn.EmployerRef, HmrcColumn.Nino,
            HmrcColumn.Surname, HmrcColumn.Forenames, HmrcColumn.Sex, HmrcColumn.DateOfBirth, HmrcColumn.Postcode,
            HmrcColumn.HmrcId, HmrcColumn.SourceSystem,
        ]);

    public IEnumerable<string> ClaimHeader => ClaimColumns.Select(c => Name(c.ToString()));

    public IEnumerable<string> HmrcHeader => HmrcColumns.Select(c => Name(c.ToString()));

    /// <summary><c>DateOfBirth</c> → <c>date_of_birth</c> (legacy: <c>DATE_OF_BIRTH</c>).</summary>
    private string Name(string column)
    {
        var snake = SnakeCase.Of(column);
        return Legacy ? snake.ToUpperInvariant() : snake;
    }
}

internal enum ClaimColumn
{
    ClaimId, CustomerId, Nino, Surname, Forenames, DateOfBirth, Sex, Postcode, Benefit, Employed, LoneParent, Disabled,
    HasChildren, Programme, ClaimStart, ClaimEnd, OfficeCode, DistrictCode, AreaCode,
    /// <summary>Legacy only: not a SPEC column.</summary>
    RecordType,
    /// <summary>Legacy only: free text with commas and quotes.</summary>
    ExtractNote,
}

internal enum HmrcColumn
{
    HmrcId, Nino, Surname, Forenames, DateOfBirth, Sex, Postcode, EmployerRef, EmploymentStart, NotifiedOn,
    /// <summary>Legacy only: not a SPEC column.</summary>
    SchemeNote,
    /// <summary>Legacy only: not a SPEC column.</summary>
    SourceSystem,
}

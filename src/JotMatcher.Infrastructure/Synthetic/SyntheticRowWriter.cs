using JotMatcher.Core.Records;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>Writes one synthetic row in a layout's column order; SPEC §2 codes for benefits and programmes.</summary>
internal static class SyntheticRowWriter
{
    public static void Claim(Utf8CsvFile file, SyntheticClaim claim, SyntheticLayout layout)
    {
        var legacy = layout.Legacy;
        var id = claim.Identity;
        foreach (var column in layout.ClaimColumns)
        {
            switch (column)
            {
                case ClaimColumn.ClaimId: file.Field(claim.ClaimId); break;
                case ClaimColumn.CustomerId: file.Field(claim.CustomerId); break;
                case ClaimColumn.Nino: Text(file, id.Nino, legacy); break;
                case ClaimColumn.Surname: Text(file, id.Surname, legacy); break;
                case ClaimColumn.Forenames: Text(file, id.Forenames, legacy); break;
                case ClaimColumn.DateOfBirth: file.Date(id.DateOfBirth, legacy); break;
                case ClaimColumn.Sex: file.Field(id.Sex); break;
                case ClaimColumn.Postcode: Text(file, id.Postcode, legacy); break;
                case ClaimColumn.Benefit: file.Field(BenefitCode(claim.Benefit)); break;
                case ClaimColumn.Employed: file.Flag(claim.Employed); break;
                case ClaimColumn.LoneParent: file.Flag(claim.LoneParent); break;
                case ClaimColumn.Disabled: file.Flag(claim.Disabled); break;
                case ClaimColumn.HasChildren: file.Flag(claim.HasChildren); break;
                case ClaimColumn.Programme: file.Field(ProgrammeCode(claim.Programme)); break;
                case ClaimColumn.ClaimStart: file.Date(claim.ClaimStart, legacy); break;
                case ClaimColumn.ClaimEnd: file.Date(claim.ClaimEnd, legacy); break;
                case ClaimColumn.OfficeCode: file.Field(claim.OfficeCode); break;
                case ClaimColumn.DistrictCode: file.Field(claim.DistrictCode); break;
                case ClaimColumn.AreaCode: file.Field(claim.AreaCode); break;
                case ClaimColumn.RecordType: file.QuotedField("CLM"); break;
                case ClaimColumn.ExtractNote: file.QuotedField(claim.ClaimEnd.IsBlank ? "" : "closed, see \"history\""); break;
                default: throw new InvalidOperationException($"unknown claims column {column}");
            }
        }

        file.EndRow();
    }

    public static void Employment(Utf8CsvFile file, SyntheticEmployment employment, SyntheticLayout layout)
    {
        var legacy = layout.Legacy;
        var id = employment.Identity;
        foreach (var column in layout.HmrcColumns)
        {
            switch (column)
            {
                case HmrcColumn.HmrcId: file.Field(employment.HmrcId); break;
                case HmrcColumn.Nino: Text(file, id.Nino, legacy); break;
                case HmrcColumn.Surname: Text(file, id.Surname, legacy); break;
                case HmrcColumn.Forenames: Text(file, id.Forenames, legacy); break;
                case HmrcColumn.DateOfBirth: file.Date(id.DateOfBirth, legacy); break;
                case HmrcColumn.Sex: file.Field(id.Sex); break;
                case HmrcColumn.Postcode: Text(file, id.Postcode, legacy); break;
                case HmrcColumn.EmployerRef: Text(file, employment.EmployerRef, legacy); break;
                case HmrcColumn.EmploymentStart: file.Date(employment.EmploymentStart, legacy); break;
                case HmrcColumn.NotifiedOn: file.Date(employment.NotifiedOn, legacy); break;
                case HmrcColumn.SchemeNote: file.QuotedField("P46, new starter"); break;
                case HmrcColumn.SourceSystem: file.QuotedField("NPS"); break;
                default: throw new InvalidOperationException($"unknown HMRC column {column}");
            }
        }

        file.EndRow();
    }

    /// <summary>Legacy extracts quote every text field; the standard layout only where needed.</summary>
    private static void Text(Utf8CsvFile file, string value, bool legacy)
    {
        if (legacy)
        {
            file.QuotedField(value);
        }
        else
        {
            file.Field(value);
        }
    }

    private static string BenefitCode(Benefit benefit) => benefit switch
    {
        Benefit.Jsa => "JSA",
        Benefit.Is => "IS",
        Benefit.Ib => "IB",
        Benefit.Esa => "ESA",
        Benefit.Sda => "SDA",
        Benefit.Ca => "CA",
        Benefit.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(benefit), benefit, "unknown benefit"),
    };

    private static string ProgrammeCode(Programme programme) => programme switch
    {
        Programme.None => "",
        Programme.NdLp => "ND_LP",
        Programme.NdDp => "ND_DP",
        Programme.Nd50Plus => "ND_50PLUS",
        Programme.Nd25Plus => "ND_25PLUS",
        Programme.NdYp => "ND_YP",
        Programme.Ez => "EZ",
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "unknown programme"),
    };
}

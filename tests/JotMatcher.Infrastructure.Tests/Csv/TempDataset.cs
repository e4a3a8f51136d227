namespace JotMatcher.Infrastructure.Tests.Csv;

/// <summary>A throw-away dataset directory with <c>claims/</c> and <c>hmrc/</c>, deleted on dispose.</summary>
internal sealed class TempDataset : IDisposable
{
    public const string ClaimsHeader =
        "claim_id,customer_id,nino,surname,forenames,date_of_birth,sex,postcode,benefit,employed,lone_parent,disabled,"
        + "has_children,programme,claim_start,claim_end,office_code,district_code,area_code";

    public TempDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "jot-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "claims"));
        Directory.CreateDirectory(Path.Combine(Root, "hmrc"));
    }

    public string Root { get; }

    /// <summary>A valid claims row; each argument replaces one column.</summary>
    public static string ClaimRow(string claimId, string customerId = "P1", string surname = "Smith", string claimStart = "2007-01-01", string claimEnd = "2007-03-01")
        => $"{claimId},{customerId},AB123456C,{surname},John,1970-02-01,M,AB1 2CD,JSA,N,N,N,N,,{claimStart},{claimEnd},O1,D1,A1";

    public string Claims(string name, string text) => Write("claims", name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Hmrc(string name, string text) => Write("hmrc", name, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(Root, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

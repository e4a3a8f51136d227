using System.Text;

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// A dataset whose every personal field carries <see cref="PersonalData"/>'s planted values, in the forms inputs
/// really take (spaced, lower case, hyphenated NINos, no suffix; both date formats), matched into an outcome, a
/// referral and a review case, and broken in every way the reader rejects or quarantines a row or file — with the
/// personal value sitting in, or next to, the field that is wrong. Shared by the reject-reason tests and the
/// process tests that scan the program's output.
/// </summary>
internal static class PersonalDataDataset
{
    public const string ClaimsHeader =
        "claim_id,customer_id,nino,surname,forenames,date_of_birth,sex,postcode,benefit,employed,lone_parent,disabled,"
        + "has_children,programme,claim_start,claim_end,office_code,district_code,area_code";

    public const string HmrcHeader = "hmrc_id,nino,surname,forenames,date_of_birth,sex,postcode,employer_ref,employment_start,notified_on";

    /// <summary>Rows the reader accepts, and rows and files it refuses, as written below.</summary>
    public const int ClaimsAccepted = 3;
    public const int HmrcAccepted = 3;

    public static void Write(string root)
    {
        Write(root, "claims", "a_claims.csv", Lines(
            ClaimsHeader,
            // Accepted: an outcome (C1 + H1), a referral (C2 + H2, open spell), a review case (C3 + H3: same NINo, different person).
            "C1,P1,jx 73 91 46 b,Quuxbridge,Ottoline,23/07/1961,F,AB1 2CD,JSA,N,N,N,N,,2007-01-01,2007-03-01,O1,D1,A1",
            "C2,P2,KC-58-20-47-C,ZZYZXMORE,Peregrina,1948-11-29,F,E1 6AN,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1",
            "C3,P3,WP316592A,Fennimorewick,Barnabyjon,1973-03-17,M,M1 1AA,IS,N,N,N,N,,2006-06-01,2007-02-01,O1,D1,A1",
            // Rejected, each with personal data in the row and often in the faulty field itself.
            ",P4,JX739146B,Quuxbridge,Ottoline,1961-07-23,F,AB1 2CD,JSA,N,N,N,N,,2007-01-01,2007-03-01,O1,D1,A1",
            "C5,P1,JX739146B,Quuxbridge,Ottoline,1961-07-23,F,AB1 2CD,JSA,N,N,N,N,,23/07/1961x,,O1,D1,A1",
            "C6,P1,JX739146B,Quuxbridge,Ottoline,1961-07-23,F,AB1 2CD,JSA,N,N,N,N,,2007-01-01,1961-07-23,O1,D1,A1",
            "C7,P1,JX739146B," + string.Concat(Enumerable.Repeat("Quuxbridge", 500)) + ",Ottoline,1961-07-23,F,AB1 2CD,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1",
            "C8,P2,KC582047C,\"Zzyzxmore\"x,Peregrina,29/11/1948,F,E1 6AN,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1",
            "C9,P3,WP316592A,Fenn\"imorewick,Barnabyjon,17/03/1973,M,M1 1AA,IS,N,N,N,N,,2006-06-01,,O1,D1,A1",
            "C1,P2,KC582047C,Zzyzxmore,Peregrina,1948-11-29,F,E1 6AN,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1",
            "C10,P3,WP316592A,Fennimorewick,Barnabyjon,1973-03-17,M,M1 1AA,Quuxbridge,N,N,N,N,,2006-06-01,,O1,D1,A1",
            "C11,P3,WP316592A,Fennimorewick,Barnabyjon,1973-03-17,M,M1 1AA,IS,N,N,N,N,,2006-06-01,,O1,D1,A1,Ottoline,1961-07-23",
            "C12,P1,\"JX739146B\" ,Quuxbridge,\"Ottoline\"\"\"x,1961-07-23,F,AB1 2CD,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1"));
        // Invalid UTF-8 inside a NINo-like id (written as raw bytes, not the replacement character above).
        Append(root, "claims", "a_claims.csv", [.. "JX739146B"u8, 0xFF, 0xFE, .. ",P1,,Quuxbridge,Ottoline,1961-07-23,F,,JSA,,,,,,2007-01-01,,,,\n"u8]);

        Write(root, "hmrc", "h.csv", Lines(
            HmrcHeader,
            "H1,JX739146,QUUXBRIDGE,OTTOLINE,1961-07-23,F,AB1 2CD,123/AB45678,2007-03-10,2007-04-01",
            "H2,kc582047c,Zzyzxmore,Peregrina,29/11/1948,F,E1 6AN,123/AB45678,2007-02-10,2007-04-01",
            "H3,WP 31 65 92 A,Barnabyjon,Fennimorewick,1990-12-12,F,ZZ9 9ZZ,123/AB45678,2007-02-20,2007-04-01",
            ",JX739146B,Quuxbridge,Ottoline,1961-07-23,F,AB1 2CD,123/AB45678,2007-03-10,",
            "H5,KC582047C,Zzyzxmore,Peregrina,1948-11-29,F,E1 6AN,123/AB45678,29/11/1948x,",
            "H6,WP316592A,\"Fennimorewick,Barnabyjon,1973-03-17,M,M1 1AA,123/AB45678,2007-02-20,"));

        // Whole files refused: semicolons, and no claim_start column; both full of personal data.
        Write(root, "claims", "b_semicolon.csv", Lines(
            ClaimsHeader.Replace(',', ';'),
            "C20;P1;JX739146B;Quuxbridge;Ottoline;1961-07-23;F;AB1 2CD;JSA;N;N;N;N;;2007-01-01;;O1;D1;A1"));
        Write(root, "claims", "c_no_claim_start.csv", Lines(
            "claim_id,customer_id,nino,surname,forenames,date_of_birth,benefit",
            "C30,P1,KC582047C,Zzyzxmore,Peregrina,29/11/1948,JSA"));
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    private static void Write(string root, string folder, string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, folder, name), text, new UTF8Encoding(false));
    }

    private static void Append(string root, string folder, string name, byte[] bytes)
    {
        using var file = new FileStream(Path.Combine(root, folder, name), FileMode.Append, FileAccess.Write);
        file.Write(bytes);
    }
}

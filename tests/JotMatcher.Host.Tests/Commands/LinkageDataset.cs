using System.Globalization;
using System.Text;

namespace JotMatcher.Host.Tests.Commands;

/// <summary>
/// A small SPEC §2 dataset on disk with its truth files: 60 customers; HMRC records HM0000–HM0049 copy a customer
/// with the NINo, HM0055–HM0059 copy one without it, HM0060–HM0064 are nobody's customer. Deleted on dispose.
/// </summary>
internal sealed class LinkageDataset : IDisposable
{
    private static readonly string[] Surnames = ["smith", "jones", "taylor", "brown", "wilson", "evans", "walker", "wright", "khan", "patel", "hughes", "morgan"];
    private static readonly string[] Forenames = ["oliver", "amelia", "harry", "isla", "jack", "emily", "george", "ava", "noah", "mia", "leo", "grace", "alfie"];

    public LinkageDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "jot-linkage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "claims"));
        Directory.CreateDirectory(Path.Combine(Root, "hmrc"));
        var random = new Random(11);
        var claims = new StringBuilder("claim_id,customer_id,nino,surname,forenames,date_of_birth,sex,postcode,benefit,employed,lone_parent,disabled,has_children,programme,claim_start,claim_end,office_code,district_code,area_code\n");
        var hmrc = new StringBuilder("hmrc_id,nino,surname,forenames,date_of_birth,sex,postcode,employer_ref,employment_start,notified_on\n");
        var truth = new StringBuilder("hmrc_id,claim_id\n");
        var outcomes = new StringBuilder("hmrc_id,claim_id,priority_group,total_points,sustain_pending\n");
        for (var i = 0; i < 65; i++)
        {
            var nino = Invariant($"AB{200000 + i:D6}C");
            var surname = Surnames[random.Next(Surnames.Length)];
            var forename = Forenames[random.Next(Forenames.Length)] + (i % 3 == 0 ? "" : " " + Forenames[random.Next(Forenames.Length)]);
            var dob = new DateOnly(1950, 1, 1).AddDays(random.Next(15000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sex = random.Next(2) == 0 ? "M" : "F";
            var postcode = Invariant($"LS{random.Next(1, 20)} {random.Next(1, 9)}AB");
            var claimId = Invariant($"CL{i:D4}");
            var hmrcId = Invariant($"HM{i:D4}");
            if (i < 60)
            {
                claims.Append(Invariant($"{claimId},{Invariant($"CU{i:D4}")},{nino},{surname},{forename},{dob},{sex},{postcode},JSA,N,N,N,N,,2007-01-01,2007-06-30,OF1,D1,A1\n"));
            }

            if (i < 50 || i >= 55)
            {
                var hmrcNino = i < 50 ? nino : "";
                hmrc.Append(Invariant($"{hmrcId},{hmrcNino},{surname.ToUpperInvariant()},{forename},{dob},{sex},{postcode},123/AB1,2007-07-15,2007-08-01\n"));
                if (i < 60)
                {
                    truth.Append(Invariant($"{hmrcId},{claimId}\n"));

                    // JSA spell of 180 days: group 3, 4 points, +1 sustainment settled by the as-of date. One row is
                    // deliberately wrong so the share of exactly right points is 54 of 55.
                    outcomes.Append(Invariant($"{hmrcId},{claimId},3,{(i == 0 ? 6 : 5)},N\n"));
                }
            }
        }

        File.WriteAllText(Path.Combine(Root, "claims", "claims.csv"), claims.ToString());
        File.WriteAllText(Path.Combine(Root, "hmrc", "hmrc.csv"), hmrc.ToString());
        File.WriteAllText(Path.Combine(Root, "manifest.json"), "{\"as_of\": \"2008-01-01\"}");
        File.WriteAllText(Path.Combine(Root, "truth-outcomes.csv"), outcomes.ToString());
        TruthFile = Path.Combine(Root, "truth.csv");
        File.WriteAllText(TruthFile, truth.ToString());
    }

    public string Root { get; }

    public string TruthFile { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

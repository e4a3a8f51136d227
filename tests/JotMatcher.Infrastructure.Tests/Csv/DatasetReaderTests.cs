using System.Security.Cryptography;
using System.Text;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Records;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Csv;

namespace JotMatcher.Infrastructure.Tests.Csv;

public sealed class DatasetReaderTests
{
    [Test]
    public void The_id_registry_makes_room_ahead_for_the_bytes_of_the_files_after_each_one()
    {
        using var dataset = new TempDataset();
        var paths = new[] { dataset.Hmrc("a.csv", "abc"), dataset.Hmrc("b.csv", "12345"), Path.Combine(dataset.Root, "hmrc", "gone.csv"), dataset.Hmrc("c.csv", "1234567") };

        Assert.That(DatasetReader.BytesAfter(paths), Is.EqualTo(new long[] { 12, 7, 7, 0 }), "a file that cannot be sized counts as empty");
    }

    [Test]
    public void ReadClaimsFile_columns_in_any_order_and_case_are_mapped_and_normalised()
    {
        using var dataset = new TempDataset();
        var path = dataset.Claims("c.csv",
            "Area_Code,DISTRICT_CODE,office_code,claim_end,claim_start,programme,has_children,disabled,lone_parent,employed,benefit,postcode,sex,date_of_birth,forenames, Surname ,nino,customer_id,claim_id,unused\n"
            + "A9,D7,O3,31/03/2007,2007-01-15,nd_lp,y,N,,n,esa,ab1  2cd,f,29/02/1972,  Mary Ann ,O'Neill,ab 12 34 56 c,P42,C42,zzz\n");

        var file = DatasetReader.ReadClaimsFile(path);

        var c = file.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That((c.ClaimId.ToString(), c.CustomerId.ToString(), c.Surname, c.Forenames), Is.EqualTo(("C42", "P42", "O'Neill", "Mary Ann")));
            Assert.That((c.Nino.Normalised, c.Nino.Kind), Is.EqualTo(("AB123456C", NinoKind.Valid)));
            Assert.That((c.DateOfBirth, c.ClaimStart, c.ClaimEnd), Is.EqualTo(((DateOnly?)new DateOnly(1972, 2, 29), new DateOnly(2007, 1, 15), (DateOnly?)new DateOnly(2007, 3, 31))));
            Assert.That((c.Sex, c.Postcode, c.Benefit, c.Programme), Is.EqualTo((Sex.Female, "AB12CD", Benefit.Esa, Programme.NdLp)));
            Assert.That((c.Employed, c.LoneParent, c.Disabled, c.HasChildren), Is.EqualTo((false, false, false, true)));
            Assert.That((c.OfficeCode, c.DistrictCode, c.AreaCode), Is.EqualTo(("O3", "D7", "A9")));
            Assert.That(c.Source, Is.EqualTo(new SourceLocation("c.csv", 2)));
            Assert.That(file.Counts, Is.EqualTo(new FileIngestCounts("c.csv", InputKind.Claims, Sha256Of(path), 1, 1, 0, 0)));
        });
    }

    [TestCase("Y", true, 0)]
    [TestCase("y", true, 0)]
    [TestCase("N", false, 0)]
    [TestCase("", false, 0)]
    [TestCase("yes", false, 1)]
    [TestCase("1", false, 1)]
    public void Flags_are_Y_or_N_blank_is_N_and_anything_else_is_a_warning(string flag, bool expected, int warnings)
    {
        using var dataset = new TempDataset();
        var path = dataset.Claims("c.csv", "claim_id,customer_id,claim_start,benefit,disabled\n" + $"C1,P1,2007-01-01,JSA,{flag}\n");

        var file = DatasetReader.ReadClaimsFile(path);

        Assert.That((file.Records.Single().Disabled, file.Counts.Warnings), Is.EqualTo((expected, (long)warnings)));
    }

    [TestCase("sex", "X")]
    [TestCase("programme", "ND_99")]
    [TestCase("date_of_birth", "1970-02-30")]
    [TestCase("claim_end", "2007/03/01")]
    public void Unreadable_optional_field_reads_as_blank_and_counts_a_warning(string column, string value)
    {
        using var dataset = new TempDataset();
        var path = dataset.Claims("c.csv", $"claim_id,customer_id,claim_start,benefit,{column}\nC1,P1,2007-01-01,JSA,{value}\n");

        var file = DatasetReader.ReadClaimsFile(path);

        var c = file.Records.Single();
        Assert.That((c.Sex, c.Programme, c.DateOfBirth, c.ClaimEnd, file.Counts.Warnings), Is.EqualTo((Sex.Unknown, Programme.None, (DateOnly?)null, (DateOnly?)null, 1L)));
    }

    [Test]
    public void Rejects_carry_the_physical_line_even_after_a_quoted_field_with_line_breaks()
    {
        using var dataset = new TempDataset();
        var path = dataset.Claims("c.csv", string.Join('\n',
            TempDataset.ClaimsHeader,
            TempDataset.ClaimRow("C1", surname: "\"Two\nline\nname\""),
            TempDataset.ClaimRow("C2", claimStart: "2007-02-30"),
            TempDataset.ClaimRow("", customerId: "P3"),
            TempDataset.ClaimRow("C4", customerId: ""),
            TempDataset.ClaimRow("C5")) + "\n");

        var file = DatasetReader.ReadClaimsFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(file.Rejects, Is.EqualTo(new[]
            {
                new Reject("c.csv", 5, "claim_start: unreadable date"),
                new Reject("c.csv", 6, "claim_id: missing"),
                new Reject("c.csv", 7, "customer_id: missing"),
            }));
            Assert.That(file.Records.Select(r => (r.ClaimId.ToString(), r.Source.Line)), Is.EqualTo(new[] { ("C1", 2L), ("C5", 8L) }));
            Assert.That(file.Records[0].Surname, Is.EqualTo("Two\nline\nname"));
            Assert.That((file.Counts.RowsRead, file.Counts.Accepted, file.Counts.Rejected), Is.EqualTo((5L, 2L, 3L)));
        });
    }

    [Test]
    public void The_employer_reference_goes_to_staging_with_its_row_and_is_not_kept_in_the_record()
    {
        using var dataset = new TempDataset();
        var path = dataset.Hmrc("h.csv",
            "hmrc_id,employer_ref,employment_start\n"
            + "H1,123/AB45678,2007-03-05\n"
            + "H2,,2007-03-05\n"
            + "H3,\"bad \0 byte\",2007-03-05\n"
            + "H1,999/ZZ00000,2007-03-05\n");
        var accepted = new AcceptedRecords<HmrcEmployment>();

        var file = DatasetReader.ReadHmrcFile(path, new IdRegistry(), accepted);

        var staged = accepted.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable()
            .SelectMany(b => b.Records.ToArray().Select(s => (s.Record, StagedOnly: Encoding.UTF8.GetString(b.StagedOnly(s))))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(staged.Select(s => (s.Record.HmrcId.ToString(), s.StagedOnly)), Is.EqualTo(new[] { ("H1", "123/AB45678"), ("H2", ""), ("H3", "") }));
            Assert.That(staged.Select(s => s.Record), Is.EqualTo(file.Records), "the records staged are the records kept");
            Assert.That(file.Counts.Warnings, Is.EqualTo(1), "an unreadable employer reference reads as blank with a warning");
            Assert.That(file.Rejects.Select(r => r.Line), Is.EqualTo(new[] { 5L }), "the duplicate H1");
        });
    }

    [Test]
    public void ReadHmrcFile_reads_both_date_formats_and_rejects_a_missing_employment_start()
    {
        using var dataset = new TempDataset();
        var path = dataset.Hmrc("h.csv",
            "hmrc_id,nino,surname,forenames,date_of_birth,sex,postcode,employer_ref,employment_start,notified_on\n"
            + "H1,,Smith,John,01/02/1970,M,e1 6an,123/AB45678,05/03/2007,2007-04-20\n"
            + "H2,TN010270M,Smith,John,,,,,,\n");

        var file = DatasetReader.ReadHmrcFile(path);

        var h = file.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That((h.HmrcId.ToString(), h.Nino.Kind, h.Postcode), Is.EqualTo(("H1", NinoKind.Blank, "E16AN")));
            Assert.That((h.DateOfBirth, h.EmploymentStart, h.NotifiedOn), Is.EqualTo(((DateOnly?)new DateOnly(1970, 2, 1), new DateOnly(2007, 3, 5), (DateOnly?)new DateOnly(2007, 4, 20))));
            Assert.That(file.Rejects, Is.EqualTo(new[] { new Reject("h.csv", 3, "employment_start: missing") }));
            Assert.That(file.Counts.Kind, Is.EqualTo(InputKind.Hmrc));
        });
    }

    [Test]
    public void ReadDataset_reads_files_in_ordinal_order_and_rejects_the_later_duplicate_across_files()
    {
        using var dataset = new TempDataset();
        dataset.Hmrc("b.csv", "hmrc_id,employment_start\nH1,2007-03-01\nH2,2007-03-02\n");
        dataset.Hmrc("B.csv", "hmrc_id,employment_start\nH2,2007-03-03\n");
        dataset.Claims("only.csv", TempDataset.ClaimsHeader + "\n" + TempDataset.ClaimRow("C1") + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(result.HmrcFiles.Select(f => f.Counts.File), Is.EqualTo(new[] { "B.csv", "b.csv" }));
            Assert.That(result.Employments.Select(e => (e.HmrcId.ToString(), e.EmploymentStart.Day)), Is.EqualTo(new[] { ("H2", 3), ("H1", 1) }));
            Assert.That(result.Rejects, Is.EqualTo(new[] { new Reject("b.csv", 3, "hmrc_id: duplicate of B.csv:2") }));
            Assert.That(result.Claims.Single().ClaimId.ToString(), Is.EqualTo("C1"));
            Assert.That(result.Reference.DeprivedAreas, Is.Empty);
            Assert.That(result.Manifest, Is.SameAs(DatasetManifest.Empty));
        });
    }

    [Test]
    public void ReadReference_reads_deprived_areas_and_profile_by_column_name()
    {
        using var dataset = new TempDataset();
        dataset.Write("reference", "deprived_areas.csv", "name,AREA_CODE\nsomewhere, E01 \nelsewhere,E02\n,\n"u8.ToArray());
        dataset.Write("reference", "profile.csv", "points,month,district_code\n120,2007-04,D1\n95,2007-05,D2\n"u8.ToArray());

        var reference = DatasetReader.ReadReference(dataset.Root);

        Assert.Multiple(() =>
        {
            Assert.That(reference.DeprivedAreas.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "E01", "E02" }));
            Assert.That(reference.Profile, Is.EqualTo(new[] { new ProfileEntry("D1", "2007-04", 120), new ProfileEntry("D2", "2007-05", 95) }));
        });
    }

    [Test]
    public void ReadReference_refuses_an_unreadable_profile_row_naming_file_line_and_column()
    {
        using var dataset = new TempDataset();
        dataset.Write("reference", "profile.csv", "district_code,month,points\nD1,2007-04,12x\n"u8.ToArray());

        Assert.That(() => DatasetReader.ReadReference(dataset.Root),
            Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("reference/profile.csv line 2: points: unreadable"));
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

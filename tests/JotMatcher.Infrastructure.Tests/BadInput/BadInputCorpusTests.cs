using System.Text;
using JotMatcher.Core.Records;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.BadInput;

/// <summary>
/// Issue 7's bad-input corpus (README.md beside this file is the same table in prose). Each case is read as a
/// claims file in a dataset that also holds a good file, <c>a_good.csv</c> (read first: ordinal order), so every
/// case also proves that one bad file never costs another file its records.
/// </summary>
public sealed class BadInputCorpusTests
{
    private const string Quarantined = " — not ingested";

    public static IEnumerable<TestCaseData> Corpus()
    {
        yield return Case("empty_0_bytes.csv", 0, 0, 0, 0, (0, "empty file (0 bytes); it may still be being written" + Quarantined));
        yield return Case("header_only.csv", 0, 0, 0, 0);
        yield return Case("missing_required_column.csv", 0, 0, 0, 0, (0, "missing required column claim_start" + Quarantined));
        yield return Case("unknown_extra_columns.csv", 2, 2, 0, 0);
        yield return Case("bom.csv", 2, 2, 0, 0);
        yield return Case("crlf.csv", 3, 2, 1, 0, (4, "claim_start: unreadable date"));
        yield return Case("lf.csv", 3, 2, 1, 0, (4, "claim_start: unreadable date"));
        yield return Case("mixed_line_endings.csv", 4, 3, 1, 0, (4, "claim_start: unreadable date"));
        yield return Case("quoted_fields.csv", 6, 4, 2, 0, (7, "claim_start: unreadable date"), (10, "benefit: unreadable"));
        yield return Case("unterminated_quote.csv", 2, 1, 1, 0,
            (3, "malformed quoting: a quote never closed; the rest of the file was read as this one row"));
        yield return Case("stray_quote.csv", 4, 2, 2, 0,
            (3, "malformed quoting: a quote inside an unquoted field"), (4, "malformed quoting: text after a closing quote"));
        yield return Case("invalid_utf8.csv", 4, 3, 1, 2, (4, "claim_id: invalid UTF-8"));
        yield return Case("semicolon_delimited.csv", 0, 0, 0, 0,
            (0, "missing required columns claim_id, customer_id, claim_start; the delimiter looks like ';', files must be comma-separated" + Quarantined));
        yield return Case("duplicate_ids_within_file.csv", 5, 2, 3, 0,
            (4, "claim_id: duplicate of duplicate_ids_within_file.csv:2"),
            (5, "claim_id: duplicate of duplicate_ids_within_file.csv:3"),
            (6, "claim_id: duplicate of duplicate_ids_within_file.csv:2"));
        yield return Case("duplicate_ids_across_files.csv", 3, 1, 2, 0,
            (2, "claim_id: duplicate of a_good.csv:2"), (4, "claim_id: duplicate of a_good.csv:3"));
        yield return Case("impossible_dates.csv", 9, 3, 6, 2,
            (2, "claim_start: unreadable date"), (3, "claim_start: unreadable date"), (4, "claim_start: unreadable date"),
            (5, "claim_start: unreadable date"), (9, "claim_start: unreadable date"), (10, "claim_start: missing"));
        yield return Case("claim_end_before_claim_start.csv", 2, 1, 1, 0, (2, "claim_end: before claim_start"));
    }

    [TestCaseSource(nameof(Corpus))]
    public void Corpus_file_gives_its_expected_outcome_and_spares_the_good_file(string file, long read, long accepted, long rejected, long warnings, (long Line, string Reason)[] rejects)
    {
        using var dataset = new TempDataset();
        dataset.Write("claims", file, File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "BadInput", "Files", file)));

        AssertOutcome(dataset, file, read, accepted, rejected, warnings, rejects);
    }

    [Test]
    public void A_one_megabyte_field_is_read_and_an_identity_field_that_long_is_rejected()
    {
        using var dataset = new TempDataset();
        var huge = new string('x', 1024 * 1024);
        dataset.Claims("one_mb_field.csv", string.Join('\n',
            TempDataset.ClaimsHeader + ",notes",
            TempDataset.ClaimRow("X1") + "," + huge,
            TempDataset.ClaimRow("X2", surname: huge) + ",",
            TempDataset.ClaimRow("X3") + ",") + "\n");

        AssertOutcome(dataset, "one_mb_field.csv", 3, 2, 1, 0, [(3, "surname: too long")]);
    }

    [Test]
    public void A_row_of_ten_thousand_columns_under_a_normal_header_is_rejected_alone()
    {
        using var dataset = new TempDataset();
        var wide = TempDataset.ClaimRow("X2") + string.Concat(Enumerable.Repeat(",y", 10_000 - 19));
        dataset.Claims("ten_thousand_columns.csv", string.Join('\n',
            TempDataset.ClaimsHeader, TempDataset.ClaimRow("X1"), wide, TempDataset.ClaimRow("X3")) + "\n");

        AssertOutcome(dataset, "ten_thousand_columns.csv", 3, 2, 1, 0, [(3, "field count differs from the header")]);
    }

    [Test]
    public void A_header_of_ten_thousand_columns_is_read_by_name()
    {
        using var dataset = new TempDataset();
        var extra = new StringBuilder();
        for (var i = 0; i < 10_000 - 19; i++)
        {
            extra.Append(",extra_").Append(i);
        }

        var values = string.Concat(Enumerable.Repeat(",y", 10_000 - 19));
        dataset.Claims("ten_thousand_header_columns.csv", string.Join('\n',
            TempDataset.ClaimsHeader + extra, TempDataset.ClaimRow("X1") + values) + "\n");

        AssertOutcome(dataset, "ten_thousand_header_columns.csv", 1, 1, 0, 0, []);
    }

    /// <summary>
    /// NUL is valid UTF-8 but PostgreSQL text cannot hold it: a staged NUL would fail every run that includes the
    /// file. In an id it rejects the row; in a name, NINo or code it reads as blank with a warning.
    /// </summary>
    [Test]
    public void A_NUL_byte_rejects_an_id_and_blanks_a_name_or_code_so_nothing_unstorable_is_accepted()
    {
        using var dataset = new TempDataset();
        dataset.Claims("nul_bytes.csv", string.Join('\n',
            TempDataset.ClaimsHeader,
            TempDataset.ClaimRow("X\01"),
            TempDataset.ClaimRow("X2", surname: "Sm\0ith"),
            TempDataset.ClaimRow("X3").Replace(",O1,", ",O\01,", StringComparison.Ordinal)) + "\n");

        AssertOutcome(dataset, "nul_bytes.csv", 3, 2, 1, 2, [(2, "claim_id: NUL byte")]);
        var read = DatasetReader.ReadDataset(dataset.Root).Claims.Where(c => c.Source.File == "nul_bytes.csv").ToList();
        Assert.That(read.Select(c => (c.ClaimId.ToString(), c.Surname, c.OfficeCode)), Is.EqualTo(new[] { ("X2", "", "O1"), ("X3", "Smith", "") }));
    }

    private static void AssertOutcome(TempDataset dataset, string file, long read, long accepted, long rejected, long warnings, (long Line, string Reason)[] rejects)
    {
        dataset.Claims("a_good.csv", string.Join('\n', TempDataset.ClaimsHeader, TempDataset.ClaimRow("G1"), TempDataset.ClaimRow("G2")) + "\n");

        var result = DatasetReader.ReadDataset(dataset.Root);

        var counts = result.FileCounts.Single(c => c.File == file);
        Assert.Multiple(() =>
        {
            Assert.That((counts.RowsRead, counts.Accepted, counts.Rejected, counts.Warnings), Is.EqualTo((read, accepted, rejected, warnings)));
            Assert.That(result.FileCounts.All(c => c.Reconciles), Is.True);
            Assert.That(result.Rejects.Where(r => r.File == file).Select(r => (r.Line, r.Reason)), Is.EqualTo(rejects));
            Assert.That(result.FileCounts.Single(c => c.File == "a_good.csv").Accepted, Is.EqualTo(2));
            Assert.That(result.Claims.Where(c => c.Source.File == "a_good.csv").Select(c => c.ClaimId.ToString()), Is.EqualTo(new[] { "G1", "G2" }));
            Assert.That(result.Claims.Count(c => c.Source.File == file), Is.EqualTo(accepted));
        });
    }

    private static TestCaseData Case(string file, long read, long accepted, long rejected, long warnings, params (long Line, string Reason)[] rejects)
        => new TestCaseData(file, read, accepted, rejected, warnings, rejects).SetName(Path.GetFileNameWithoutExtension(file));
}

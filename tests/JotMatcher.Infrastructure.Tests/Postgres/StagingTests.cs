using Dapper;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Postgres.Staging;
using JotMatcher.Infrastructure.Tests.Csv;

namespace JotMatcher.Infrastructure.Tests.Postgres;

/// <summary>
/// Staging by binary COPY: what is read back equals what the dataset reader reads; the same file twice adds nothing;
/// a changed file with a staged name is a new version that replaces the old rows; a duplicate id across runs is a reject.
/// </summary>
public sealed class StagingTests
{
    private string inbox = "";

    [SetUp]
    public void CopyInbox()
    {
        inbox = Path.Combine(Path.GetTempPath(), "jot-staging-" + Guid.NewGuid().ToString("N"));
        SampleDatasets.CopyTo("edge-cases", inbox);
    }

    [TearDown]
    public void DeleteInbox() => Directory.Delete(inbox, recursive: true);

    [TestCase("basic")]
    [TestCase("edge-cases")]
    public async Task Staged_data_read_back_equals_what_the_dataset_reader_reads(string dataset)
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        var expected = DatasetReader.ReadDataset(SampleDatasets.PathOf(dataset));

        await database.StageAsync(SampleDatasets.PathOf(dataset));
        var staged = await database.LoadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(staged.Claims, Is.EqualTo(expected.Claims));
            Assert.That(staged.Employments, Is.EqualTo(expected.Employments));
            Assert.That(staged.Rejects, Is.EquivalentTo(expected.Rejects));
            Assert.That(staged.FileCounts, Is.EqualTo(expected.FileCounts));
            Assert.That(staged.Reference.DeprivedAreas, Is.EquivalentTo(expected.Reference.DeprivedAreas));
            Assert.That(staged.Reference.Profile, Is.EquivalentTo(expected.Reference.Profile));
            Assert.That(staged.Manifest.AsOf, Is.EqualTo(expected.Manifest.AsOf));
        });

        // Read back from the tables, equal postcodes are one string, as names are (a person's claim and HMRC rows).
        var postcodes = staged.Claims.Select(c => c.Postcode).Concat(staged.Employments.Select(e => e.Postcode)).ToList();
        Assert.That(postcodes.Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(postcodes.Distinct(StringComparer.Ordinal).Count()));
    }

    [Test]
    public async Task Staging_the_same_files_again_adds_nothing()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        var first = await database.StageAsync(inbox);
        var rowsBefore = await CountStagedRowsAsync(database);

        var second = await database.StageAsync(inbox);

        Assert.Multiple(async () =>
        {
            Assert.That(first.Files.Select(f => f.Action), Is.All.EqualTo(StagingAction.Staged));
            Assert.That(second.Files.Select(f => f.Action), Is.All.EqualTo(StagingAction.Unchanged));
            Assert.That(second.Files.Select(f => f.FileId), Is.EqualTo(first.Files.Select(f => f.FileId)));
            Assert.That(second.NewRejects, Is.Empty);
            Assert.That(await CountStagedRowsAsync(database), Is.EqualTo(rowsBefore));
            Assert.That(rowsBefore.Claims, Is.Positive);
        });
    }

    [Test]
    public async Task A_changed_file_with_a_staged_name_is_a_new_version_whose_rows_replace_the_old()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(inbox);
        var hmrcFile = Directory.GetFiles(Path.Combine(inbox, "hmrc")).Order(StringComparer.Ordinal).First();
        var lines = await File.ReadAllLinesAsync(hmrcFile);
        var stagedBefore = (await database.LoadAsync()).Employments.Where(e => e.Source.File == Path.GetFileName(hmrcFile)).ToList();
        var before = stagedBefore.Count;
        // An accepted row whose id occurs once in the file (withdrawing a duplicated one would let its twin in).
        var withdrawn = (int)stagedBefore.First(e => lines.Count(l => l.StartsWith(e.HmrcId + ",", StringComparison.Ordinal)) == 1).Source.Line;
        await File.WriteAllLinesAsync(hmrcFile, lines.Where((_, index) => index != withdrawn - 1));

        var second = await database.StageAsync(inbox);
        var staged = await database.LoadAsync();

        var changed = second.Files.Single(f => f.Name == Path.GetFileName(hmrcFile));
        Assert.Multiple(() =>
        {
            Assert.That(changed.Action, Is.EqualTo(StagingAction.NewVersion));
            Assert.That(changed.Version, Is.EqualTo(2));
            Assert.That(second.Files.Where(f => f != changed).Select(f => f.Action), Is.All.EqualTo(StagingAction.Unchanged));
            Assert.That(staged.Employments.Count(e => e.Source.File == changed.Name), Is.EqualTo(before - 1));
            Assert.That(staged.FileCounts.Single(f => f.File == changed.Name).RowsRead, Is.EqualTo(changed.Counts.RowsRead));
        });
    }

    [Test]
    public async Task An_id_already_staged_from_another_file_is_rejected_as_a_duplicate()
    {
        await using var database = await StorageTestDatabase.CreateAsync();
        await database.StageAsync(inbox);
        var claimsFile = Directory.GetFiles(Path.Combine(inbox, "claims")).Order(StringComparer.Ordinal).First();
        var lines = await File.ReadAllLinesAsync(claimsFile);
        await File.WriteAllLinesAsync(Path.Combine(inbox, "claims", "zz_late.csv"), [lines[0], lines[1]]);

        var second = await database.StageAsync(inbox);

        var late = second.Files.Single(f => f.Name == "zz_late.csv");
        Assert.Multiple(() =>
        {
            Assert.That(late.Counts.Rejected, Is.EqualTo(1));
            Assert.That(late.Counts.Accepted, Is.Zero);
            Assert.That(second.NewRejects.Single().Reason, Does.Contain("duplicate of " + Path.GetFileName(claimsFile)));
        });
    }

    [Test]
    public async Task A_file_quarantined_after_its_first_rows_were_copied_leaves_none_of_them_staged()
    {
        // Rows are copied while the file is parsed: 10 000 good rows are in PostgreSQL before the runaway quote is found.
        var claims = Path.Combine(inbox, "claims");
        var header = File.ReadLines(Directory.GetFiles(claims).Order(StringComparer.Ordinal).First()).First();
        var text = new System.Text.StringBuilder(header + ",notes\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"RUN{i},P{i},,Smith,John,1970-02-01,M,AB1 2CD,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1,ok\n");
        }

        text.Append("RUNX,PX,,Smith,John,1970-02-01,M,AB1 2CD,JSA,N,N,N,N,,2007-01-01,,O1,D1,A1,\"never closed\n");
        var filler = new string('y', 1000) + "\n";
        while (text.Length < 17 * 1024 * 1024)
        {
            text.Append(filler);
        }

        await File.WriteAllTextAsync(Path.Combine(claims, "zz_runaway.csv"), text.ToString());
        await using var database = await StorageTestDatabase.CreateAsync();
        var expected = DatasetReader.ReadDataset(inbox);

        var result = await database.StageAsync(inbox);
        var staged = await database.LoadAsync();

        var runaway = result.Files.Single(f => f.Name == "zz_runaway.csv");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rowsOfRunaway = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM jot.staged_claim WHERE file_id = @id", new { id = runaway.FileId });
        Assert.Multiple(() =>
        {
            Assert.That(rowsOfRunaway, Is.Zero);
            Assert.That((runaway.Counts.RowsRead, runaway.Counts.Accepted), Is.EqualTo((0L, 0L)));
            Assert.That(staged.Claims, Is.EqualTo(expected.Claims));
            Assert.That(staged.FileCounts, Is.EqualTo(expected.FileCounts));
            Assert.That(staged.Rejects, Is.EquivalentTo(expected.Rejects));
        });
    }

    /// <summary>
    /// The employer reference is staged from the field's bytes, never made a string: what PostgreSQL holds must be,
    /// byte for byte, the text the reader's string rule gives (<see cref="RowFields.Optional"/>: trimmed, blank with a
    /// warning when unreadable), for seeded random fields (quoted, padded, Unicode spaces, non-ASCII, invalid bytes, NUL,
    /// over-long) and, every 50th row, a long readable one, over more than one batch of rows.
    /// </summary>
    [Test]
    public async Task Employer_references_are_staged_byte_for_byte_as_the_reader_reads_them_as_text()
    {
        using var dataset = new TempDataset();
        var random = new Random(20261203);
        var text = new List<byte>("hmrc_id,nino,surname,forenames,date_of_birth,sex,postcode,employer_ref,employment_start,notified_on\n"u8.ToArray());
        for (var i = 0; i < 10_000; i++)
        {
            text.AddRange(System.Text.Encoding.ASCII.GetBytes($"HX{i},AB123456C,Smith,John,1970-02-01,M,AB1 2CD,"));
            text.AddRange(i % 50 == 0 ? System.Text.Encoding.ASCII.GetBytes(new string('e', 3000) + i) : FieldTextTests.RandomField(random));
            text.AddRange(",2007-01-01,\n"u8.ToArray());
        }

        dataset.Write("hmrc", "h.csv", [.. text]);
        var (expected, expectedWarnings) = EmployerRefsAsText([.. text]);
        await using var database = await StorageTestDatabase.CreateAsync();

        var result = await database.StageAsync(dataset.Root);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var staged = (await connection.QueryAsync<(long, byte[])>("SELECT line, convert_to(employer_ref, 'UTF8') FROM jot.staged_hmrc ORDER BY line")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(staged, Has.Count.EqualTo(10_000));
            Assert.That(staged, Is.EqualTo(expected.Select(e => (e.Line, System.Text.Encoding.UTF8.GetBytes(e.Text)))));
            Assert.That(result.Files.Single().Counts.Warnings, Is.EqualTo(expectedWarnings));
            Assert.That(expectedWarnings, Is.GreaterThan(50), "some references were unreadable");
            Assert.That(expected.Count(e => e.Text.Any(c => c > 127)), Is.GreaterThan(500), "some were not ASCII");
        });
    }

    private static (List<(long Line, string Text)> Refs, long Warnings) EmployerRefsAsText(byte[] file)
    {
        using var csv = CsvHelper.CsvReader.Create(file, new CsvHelper.CsvReaderOptions { Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, PoolStrings = false });
        _ = csv.Headers;
        var row = new RowFields(csv);
        var column = Column.Find(csv, "employer_ref");
        var refs = new List<(long, string)>();
        long warnings = 0;
        while (csv.Read())
        {
            row.BeginRecord();
            refs.Add((csv.LineNumber, row.Optional(column)));
            warnings += row.Warnings;
        }

        return (refs, warnings);
    }

    private static async Task<(long Claims, long Hmrc, long Rejects)> CountStagedRowsAsync(StorageTestDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT (SELECT count(*) FROM jot.staged_claim), (SELECT count(*) FROM jot.staged_hmrc), (SELECT count(*) FROM jot.staged_reject)");
    }
}

using System.Text;
using CsvHelper;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Host.Tests.Storage;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// Issue 7, SQL injection: SQL metacharacters and <c>'; DROP TABLE</c> pushed through every text column of the
/// inputs (ids, codes, employer references, reference data; names, NINos and postcodes) by the real <c>jot run</c>
/// into PostgreSQL and back. Every statement must carry them as parameters: the exports then equal those of a clean
/// run with safe values (the payload taken out again), and equal what the same files give without any database;
/// the schema is whole afterwards and the report still runs.
/// </summary>
[NonParallelizable]
public sealed class SqlMetacharacterTests
{
    /// <summary>Quote kinds, statement ends, comments, dollar quoting, LIKE wildcards, backslashes, a typographic quote.</summary>
    private const string Payload = "'\"); DROP TABLE jot.outcome; DROP TABLE jot.staged_claim CASCADE; -- /* $$ % _ \\ ’ ''";

    private static readonly string[] IdAndCodeColumns =
        ["claim_id", "customer_id", "office_code", "district_code", "area_code", "hmrc_id", "employer_ref"];

    private static readonly string[] IdentityColumns = ["nino", "surname", "forenames", "postcode"];

    private string work = "";

    [SetUp]
    public void CreateWorkFolder()
    {
        work = Path.Combine(Path.GetTempPath(), "jot-sql-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Ids_and_codes_full_of_SQL_give_the_exports_of_a_clean_run_once_the_payload_is_taken_out()
    {
        var clean = SampleDatasets.PathOf("basic");
        var hostile = Path.Combine(work, "hostile");
        CopyWithPayload(clean, hostile, IdAndCodeColumns);

        var (cleanExports, cleanTables) = await RunAsync(clean, "clean");
        var (hostileExports, hostileTables) = await RunAsync(hostile, "hostile");

        Assert.Multiple(() =>
        {
            Assert.That(hostileExports["outcomes.csv"], Does.Contain("DROP TABLE jot.outcome"), "the payload did not reach the exports");
            Assert.That(hostileTables, Is.EqualTo(cleanTables), "the schema lost tables");
            Assert.That(hostileExports.Keys, Is.EquivalentTo(cleanExports.Keys));
            foreach (var (file, text) in cleanExports)
            {
                Assert.That(Comparable(file, hostileExports[file], takeOut: Payload), Is.EqualTo(Comparable(file, text, takeOut: null)), file);
            }
        });
    }

    [Test]
    public async Task Names_ninos_and_postcodes_full_of_SQL_come_back_from_the_database_as_they_went_in()
    {
        var hostile = Path.Combine(work, "hostile");
        CopyWithPayload(SampleDatasets.PathOf("basic"), hostile, [.. IdAndCodeColumns, .. IdentityColumns]);
        var withoutDatabase = Path.Combine(work, "in-process");
        ExportWithoutDatabase(hostile, withoutDatabase);

        var (exports, _) = await RunAsync(hostile, "hostile");

        Assert.Multiple(() =>
        {
            Assert.That(exports["evidence.csv"], Does.Contain("DROP TABLE jot.outcome"), "the payload did not reach the exports");
            foreach (var file in Directory.GetFiles(withoutDatabase).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                Assert.That(exports[file!], Is.EqualTo(File.ReadAllText(Path.Combine(withoutDatabase, file!))), file);
            }
        });
    }

    /// <summary><c>jot run --inbox DIR --out DIR</c> and <c>jot report</c> on a database of their own; the exports and the schema's tables.</summary>
    private async Task<(Dictionary<string, string> Exports, string Tables)> RunAsync(string inbox, string name)
    {
        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var output = Path.Combine(work, name + "-out");
        var run = await database.JotAsync("run", "--inbox", inbox, "--out", output);
        var report = await database.JotAsync("report", "--format", "csv");
        Assert.That((run.ExitCode, report.ExitCode), Is.EqualTo((0, 0)), run + "\n" + report);
        var tables = await database.QueryScalarAsync<string>(
            "SELECT string_agg(table_name, ',' ORDER BY table_name COLLATE \"C\") FROM information_schema.tables WHERE table_schema = 'jot'");
        Assert.That(tables.Split(','), Does.Contain("outcome").And.Contain("staged_claim"));
        return (Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), tables);
    }

    /// <summary>Copies a dataset, appending <see cref="Payload"/> to every non-empty value of the named columns (reference files too).</summary>
    private static void CopyWithPayload(string source, string target, string[] columns)
    {
        foreach (var path in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, path);
            if (relative.StartsWith("expected", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (Path.GetExtension(path) != ".csv")
            {
                File.Copy(path, destination);
                continue;
            }

            var text = new StringBuilder();
            using var csv = CsvReader.Create(new MemoryStream(File.ReadAllBytes(path)), new CsvReaderOptions { Separator = ',', HasHeader = false });
            string[]? header = null;
            while (csv.Read())
            {
                var cells = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                if (header is null)
                {
                    header = cells;
                }
                else
                {
                    for (var i = 0; i < cells.Length; i++)
                    {
                        if (cells[i].Length > 0 && columns.Contains(header[i].Trim(), StringComparer.OrdinalIgnoreCase))
                        {
                            cells[i] += Payload;
                        }
                    }
                }

                text.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")).Append('\n');
            }

            File.WriteAllText(destination, text.ToString());
        }
    }

    /// <summary>The exports the same files give with no database at all: reader, matcher, writer in this process.</summary>
    private static void ExportWithoutDatabase(string dataset, string output)
    {
        var read = DatasetReader.ReadDataset(dataset);
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(read.Manifest.RuleSetOverrides);
        var asOf = read.Manifest.AsOf ?? JobOutcomeRun.InferAsOf(read.Employments);
        var result = JobOutcomeRun.Execute(new RunInput(read.Claims, read.Employments, read.Reference, rules, asOf), new MatchingSettings());
        ExportWriter.Write(output, ExportSet.From(read, result));
    }

    /// <summary>
    /// An export as sorted lines of cells (quoting undone, <paramref name="takeOut"/> removed from every cell), without
    /// the input files' checksums in summary.json (the hostile files' bytes differ by design).
    /// </summary>
    private static string Comparable(string file, string text, string? takeOut)
    {
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            return string.Join('\n', text.Split('\n').Where(l => !l.Contains("\"sha256\"", StringComparison.Ordinal)));
        }

        var lines = new List<string>();
        using var csv = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), new CsvReaderOptions { Separator = ',', HasHeader = false });
        while (csv.Read())
        {
            lines.Add(string.Join('\u0001', Enumerable.Range(0, csv.FieldCount).Select(i => takeOut is null ? csv.GetString(i) : csv.GetString(i).Replace(takeOut, "", StringComparison.Ordinal))));
        }

        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }
}

using System.Text;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// Issue 7: every value reaches PostgreSQL as a parameter or through binary COPY, never as SQL text. SQL
/// metacharacters and <c>'; drop table</c> pushed through every text column leave the schema intact and the
/// outputs equal to a clean run's (ids and codes carry a suffix that is mapped back; names, postcodes and
/// employer references are compared with the in-memory pipeline on the same hostile input).
/// </summary>
[NonParallelizable]
public sealed class SqlMetacharacterTests
{
    // No comma, double quote or newline, so CSV quoting of the exports does not change; everything else SQL fears.
    private const string Hostile = "';DROP TABLE jot.outcome;--\\x$$ OR 1=1";

    private static readonly string[] IdAndCodeColumns =
        ["claim_id", "customer_id", "hmrc_id", "office_code", "district_code", "area_code"];

    private static readonly string[] OtherTextColumns = ["surname", "forenames", "postcode", "employer_ref"];

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
    public async Task Hostile_ids_and_codes_give_the_clean_outputs_once_mapped_back()
    {
        var hostile = Path.Combine(work, "hostile");
        SampleDatasets.CopyTo("basic", hostile);
        RewriteDataset(hostile, IdAndCodeColumns, v => v.Length == 0 ? v : v + Hostile);

        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var run = await database.JotAsync("run", "--inbox", hostile, "--out", Path.Combine(work, "run"));
        var replay = await JotProcess.RunAsync("replay", "--dataset", SampleDatasets.PathOf("basic"), "--out", Path.Combine(work, "clean"));

        Assert.Multiple(async () =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString);
            Assert.That(replay.ExitCode, Is.Zero, replay.ToString);
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.outcome WHERE claim_id LIKE '%DROP TABLE%'"), Is.Positive);
            foreach (var file in new[] { "outcomes.csv", "review.csv", "referrals.csv", "rejects.csv" })
            {
                var mappedBack = (await File.ReadAllTextAsync(Path.Combine(work, "run", file))).Replace(Hostile, "", StringComparison.Ordinal);
                Assert.That(mappedBack, Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(work, "clean", file))), file);
            }
        });
    }

    [Test]
    public async Task Hostile_names_postcodes_and_employer_refs_are_stored_and_matched_like_the_in_memory_pipeline()
    {
        var hostile = Path.Combine(work, "hostile");
        SampleDatasets.CopyTo("basic", hostile);
        RewriteDataset(hostile, OtherTextColumns, v => v.Length == 0 ? v : v + Hostile);

        var replay = await JotProcess.RunAsync("replay", "--dataset", hostile, "--out", Path.Combine(work, "through-postgres"));
        WriteInMemoryExports(hostile, Path.Combine(work, "in-memory"));

        Assert.Multiple(async () =>
        {
            Assert.That(replay.ExitCode, Is.Zero, replay.ToString);
            foreach (var file in new[] { "outcomes.csv", "evidence.csv", "review.csv", "referrals.csv", "rejects.csv", "summary.json" })
            {
                Assert.That(await File.ReadAllBytesAsync(Path.Combine(work, "through-postgres", file)),
                    Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(work, "in-memory", file))), file);
            }
        });
    }

    // The pipeline without PostgreSQL: what the replay did before storage existed.
    private static void WriteInMemoryExports(string dataset, string outDirectory)
    {
        var read = DatasetReader.ReadDataset(dataset);
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(read.Manifest.RuleSetOverrides);
        var asOf = read.Manifest.AsOf ?? JobOutcomeRun.InferAsOf(read.Employments);
        var result = JobOutcomeRun.Execute(new RunInput(read.Claims, read.Employments, read.Reference, rules, asOf), new MatchingSettings());
        ExportWriter.Write(outDirectory, ExportSet.From(read, result));
    }

    /// <summary>Rewrites the named columns of every CSV of the dataset (the basic sample has no quoted fields).</summary>
    private static void RewriteDataset(string dataset, string[] columns, Func<string, string> rewrite)
    {
        foreach (var file in Directory.GetFiles(dataset, "*.csv", SearchOption.AllDirectories).Where(f => !f.Contains("expected", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            var header = lines[0].Split(',');
            var targets = header.Select((name, index) => (name, index)).Where(c => columns.Contains(c.name)).Select(c => c.index).ToHashSet();
            var output = new StringBuilder(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(',');
                output.Append(string.Join(',', fields.Select((value, index) => targets.Contains(index) ? Quote(rewrite(value)) : value))).Append('\n');
            }

            File.WriteAllText(file, output.ToString());
        }
    }

    private static string Quote(string value)
        => value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

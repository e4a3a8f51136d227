using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;

namespace JotMatcher.Infrastructure.Tests.Export;

/// <summary>
/// A run writes its exports while it stores its results: prepared files stay under temporary names until the run
/// commits them, and a discarded export leaves the previous files exactly as they were.
/// </summary>
public sealed class PreparedExportsTests
{
    private static readonly string[] ExportNames = ["evidence.csv", "model.json", "outcomes.csv", "referrals.csv", "rejects.csv", "review.csv", "summary.json"];

    private string _out = "";

    [SetUp]
    public void CreateFolder() => _out = Path.Combine(Path.GetTempPath(), "jot-prepared-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Test]
    public void Prepared_exports_are_invisible_until_committed_and_then_the_same_bytes_as_written_directly()
    {
        var exports = BasicExports();
        var direct = Path.Combine(_out, "direct");
        ExportWriter.Write(direct, exports);
        var prepared = ExportWriter.Prepare(Path.Combine(_out, "prepared"), exports);

        var before = VisibleFiles(Path.Combine(_out, "prepared"));
        prepared.Commit();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Empty, "nothing may show under an export's name before the commit");
            Assert.That(VisibleFiles(direct), Is.EqualTo(ExportNames));
            Assert.That(Directory.GetFiles(Path.Combine(_out, "prepared")).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(ExportNames), "no temporary file is left");
            foreach (var name in ExportNames)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(_out, "prepared", name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(direct, name))), name);
            }
        });
    }

    [Test]
    public void A_discarded_export_leaves_the_previous_files_as_they_were_and_no_temporary_file()
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        Directory.CreateDirectory(_out);
        foreach (var name in ExportNames)
        {
            previous[name] = "previous " + name + "\n";
            File.WriteAllText(Path.Combine(_out, name), previous[name]);
        }

        ExportWriter.Prepare(_out, BasicExports()).Discard();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(ExportNames));
            foreach (var name in ExportNames)
            {
                Assert.That(File.ReadAllText(Path.Combine(_out, name)), Is.EqualTo(previous[name]), name);
            }
        });
    }

    private static string[] VisibleFiles(string folder)
        => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal)!];

    private static ExportSet BasicExports()
    {
        var dataset = DatasetReader.ReadDataset(SampleDatasets.PathOf("basic"));
        var rules = RuleSetCatalog.LoadBundled().WithOverrides(dataset.Manifest.RuleSetOverrides);
        var input = new RunInput(dataset.Claims, dataset.Employments, dataset.Reference, rules, JobOutcomeRun.InferAsOf(dataset.Employments));
        return ExportSet.From(dataset, JobOutcomeRun.Execute(input, new MatchingSettings()));
    }
}

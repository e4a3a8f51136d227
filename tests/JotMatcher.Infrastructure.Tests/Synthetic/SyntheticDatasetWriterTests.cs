using System.Security.Cryptography;
using JotMatcher.Core.Records;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Synthetic;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Synthetic;

namespace JotMatcher.Infrastructure.Tests.Synthetic;

/// <summary>Generated datasets on disk: byte-for-byte repeatable, and read by the real reader as intended.</summary>
public sealed class SyntheticDatasetWriterTests
{
    private static readonly RuleSetCatalog Bundled = RuleSetCatalog.LoadBundled();
    private string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("jot-synthetic-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_other_bytes()
    {
        var a = Write("a", seed: 21, people: 12_000);
        var b = Write("b", seed: 21, people: 12_000);
        var c = Write("c", seed: 22, people: 12_000);

        var filesA = Digests(a);
        Assert.Multiple(() =>
        {
            Assert.That(filesA.Keys, Is.SupersetOf(new[]
            {
                "claims/claims-0001.csv", "hmrc/hmrc-0001.csv", "manifest.json", "reference/deprived_areas.csv",
                "reference/profile.csv", "truth-outcomes.csv", "truth.csv",
            }));
            Assert.That(Digests(b), Is.EqualTo(filesA));
            Assert.That(Digests(c)["claims/claims-0001.csv"], Is.Not.EqualTo(filesA["claims/claims-0001.csv"]));
            Assert.That(Digests(c)["hmrc/hmrc-0001.csv"], Is.Not.EqualTo(filesA["hmrc/hmrc-0001.csv"]));
            Assert.That(Directory.Exists(a + ".partial"), Is.False, "no staging folder is left behind");
        });
    }

    [Test]
    public void The_reader_rejects_exactly_the_rows_meant_to_be_rejected_and_finds_every_true_pair()
    {
        var directory = Write("std", seed: 3, people: 20_000, noiseScale: 3);
        var dataset = DatasetReader.ReadDataset(directory);
        var summary = ReadSummary(directory);

        var claimIds = dataset.Claims.Select(c => c.ClaimId).ToHashSet();
        var hmrcIds = dataset.Employments.Select(e => e.HmrcId).ToHashSet();
        var truth = File.ReadLines(Path.Combine(directory, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(summary.IntendedRejects, Is.GreaterThan(0), "noise scale 3 makes some junk rows");
            Assert.That(dataset.Rejects, Has.Count.EqualTo(summary.IntendedRejects));
            Assert.That(dataset.Rejects.Select(r => r.Reason).Distinct(), Is.EquivalentTo(new[] { "claim_start: missing", "employment_start: unreadable date" }));
            Assert.That(dataset.Claims.Count + dataset.Employments.Count + dataset.Rejects.Count, Is.EqualTo(summary.ClaimRows + summary.HmrcRows));
            Assert.That(truth.All(t => hmrcIds.Contains(t[0]) && claimIds.Contains(t[1])), "every true pair was read");
            Assert.That(dataset.FileCounts.Sum(f => f.Warnings), Is.GreaterThanOrEqualTo(
                summary.Noise.Applied(NoiseKind.DobUnreadable, NoiseSide.Hmrc)), "impossible dates of birth are warnings, not rejects");
            Assert.That(dataset.Manifest.AsOf, Is.EqualTo(SyntheticOptions.DefaultAsOf));
            Assert.That(dataset.Reference.DeprivedAreas, Is.Not.Empty);
            Assert.That(dataset.Reference.Profile, Has.Count.EqualTo(40 * 24));
        });
    }

    [Test]
    public void The_legacy_layout_reads_as_the_same_records_as_the_standard_one()
    {
        var standard = DatasetReader.ReadDataset(Write("std", seed: 9, people: 6_000));
        var legacy = Write("legacy", seed: 9, people: 6_000, legacyFormat: true);
        var legacyRead = DatasetReader.ReadDataset(legacy);

        var header = File.ReadLines(Directory.GetFiles(Path.Combine(legacy, "claims"))[0]).First();
        var firstRow = File.ReadLines(Directory.GetFiles(Path.Combine(legacy, "hmrc"))[0]).Skip(1).First();
        Assert.Multiple(() =>
        {
            Assert.That(header, Does.StartWith("CUSTOMER_ID,RECORD_TYPE,SURNAME"));
            Assert.That(firstRow, Does.Match("^[0-3][0-9]/[01][0-9]/20[0-9][0-9],"), "DD/MM/YYYY dates");
            Assert.That(File.ReadAllText(Directory.GetFiles(Path.Combine(legacy, "hmrc"))[0]), Does.Contain("\r\n"));
            Assert.That(legacyRead.Rejects.Select(r => (r.Line, r.Reason)), Is.EqualTo(standard.Rejects.Select(r => (r.Line, r.Reason))));
            Assert.That(legacyRead.Claims.Select(c => c with { Source = default }), Is.EqualTo(standard.Claims.Select(c => c with { Source = default })));
            Assert.That(legacyRead.Employments.Select(e => e with { Source = default }), Is.EqualTo(standard.Employments.Select(e => e with { Source = default })));
        });
    }

    [Test]
    public void A_folder_that_is_not_empty_is_refused_and_left_alone()
    {
        var occupied = Path.Combine(_root, "occupied");
        Directory.CreateDirectory(occupied);
        File.WriteAllText(Path.Combine(occupied, "keep.txt"), "mine");
        var generator = new SyntheticGenerator(new SyntheticOptions { People = 10, Seed = 1 }, Bundled);

        Assert.Throws<IOException>(() => SyntheticDatasetWriter.Write(generator, occupied, legacyFormat: false));
        Assert.That(Directory.GetFileSystemEntries(occupied), Has.Length.EqualTo(1));
    }

    [Test]
    public void Large_outputs_are_split_into_files_of_a_million_rows_read_in_order()
    {
        // Only counts are checked: the split itself is what a 5-million-person benchmark relies on.
        Assert.That(SyntheticDatasetWriter.RowsPerFile, Is.EqualTo(1_000_000));
        var directory = Write("one", seed: 1, people: 1);
        Assert.That(Directory.GetFiles(Path.Combine(directory, "claims")).Length + Directory.GetFiles(Path.Combine(directory, "hmrc")).Length, Is.EqualTo(2));
    }

    private string Write(string name, ulong seed, int people, double noiseScale = 1, bool legacyFormat = false)
    {
        var directory = Path.Combine(_root, name);
        var options = new SyntheticOptions { People = people, Seed = seed, NoiseScale = noiseScale };
        _summaries[directory] = SyntheticDatasetWriter.Write(new SyntheticGenerator(options, Bundled), directory, legacyFormat);
        return directory;
    }

    private readonly Dictionary<string, SyntheticDatasetSummary> _summaries = new(StringComparer.Ordinal);

    private SyntheticDatasetSummary ReadSummary(string directory) => _summaries[directory];

    private static SortedDictionary<string, string> Digests(string directory)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            digests[Path.GetRelativePath(directory, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return digests;
    }
}

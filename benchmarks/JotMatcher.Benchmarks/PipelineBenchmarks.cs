using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JotMatcher.Core.Attribution;
using JotMatcher.Core.Matching;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Runs;
using JotMatcher.Core.Synthetic;
using JotMatcher.Infrastructure.Csv;
using JotMatcher.Infrastructure.Export;
using JotMatcher.Infrastructure.Synthetic;

namespace JotMatcher.Benchmarks;

/// <summary>
/// The stages of a replay on one generated dataset, each alone: read the CSV files, match identities, attribute and
/// award points, write the exports. Few iterations (each is a whole stage), so a run takes minutes, not hours.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PipelineBenchmarks
{
    private string _dataset = "";
    private string _exports = "";
    private IngestedDataset _read = null!;
    private RunInput _input = null!;
    private MatchResult _match = null!;
    private RunResult _result = null!;

    [Params(50_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = Directory.CreateTempSubdirectory("jot-bench-").FullName;
        _dataset = Path.Combine(root, "dataset");
        _exports = Path.Combine(root, "exports");
        var rules = RuleSetCatalog.LoadBundled();
        SyntheticDatasetWriter.Write(new SyntheticGenerator(new SyntheticOptions { People = People, Seed = 1 }, rules), _dataset, legacyFormat: false);
        _read = DatasetReader.ReadDataset(_dataset);
        _input = new RunInput(_read.Claims, _read.Employments, _read.Reference, rules, _read.Manifest.AsOf ?? SyntheticOptions.DefaultAsOf);
        _match = new IdentityMatcher(new MatchingSettings()).Match(_input.Claims, _input.Employments);
        _result = JobOutcomeRun.Execute(_input, new MatchingSettings());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_dataset)!, recursive: true);

    [Benchmark]
    public int Ingest() => DatasetReader.ReadDataset(_dataset).Claims.Count;

    [Benchmark]
    public int Match() => new IdentityMatcher(new MatchingSettings()).Match(_input.Claims, _input.Employments).Links.Count;

    [Benchmark]
    public int AttributeAndAward()
        => new OutcomeAttributor(_input.Rules, _input.Reference, _input.AsOf).Attribute(_match.Links, _input.Claims).Outcomes.Count;

    [Benchmark]
    public void Export() => ExportWriter.Write(_exports, ExportSet.From(_read, _result));

    [Benchmark]
    public long Generate()
    {
        long rows = 0;
        foreach (var batch in new SyntheticGenerator(new SyntheticOptions { People = People, Seed = 2 }, _input.Rules).Batches())
        {
            rows += batch.Claims.Count + batch.Employments.Count;
        }

        return rows;
    }
}

using BenchmarkDotNet.Attributes;
using JotMatcher.Core.Identity;
using JotMatcher.Core.Matching;
using JotMatcher.Core.Matching.Comparison;
using JotMatcher.Core.Matching.Text;
using JotMatcher.Core.Records;

namespace JotMatcher.Benchmarks;

/// <summary>
/// The per-pair kernels of the probabilistic pass: string similarity, one-edit tests, the full field comparison of a
/// candidate pair, and building the compact profile of a record. Each runs over a fixed set of realistic pairs.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private static readonly (string A, string B)[] Names =
    [
        ("SMITH", "SMYTH"), ("JOHNSON", "JONSON"), ("WILLIAMS", "WILLIAMSON"), ("O'BRIEN", "OBRIEN"), ("TAYLOR", "TAYLOR"),
        ("ASHWORTH", "ASHWROTH"), ("KOWALSKI", "KOWALSKA"), ("MACLEOD", "MCLEOD"), ("PATEL", "PATIL"), ("HUSSAIN", "HUSAIN"),
    ];

    private IdentityProfile[] _left = [];
    private IdentityProfile[] _right = [];
    private readonly NameForms.Cache _names = new();
    private readonly Nino _nino = Nino.Parse("ab 12 34 56 c");

    [GlobalSetup]
    public void Setup()
    {
        _left = new IdentityProfile[Names.Length];
        _right = new IdentityProfile[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            _left[i] = IdentityProfile.Create(i, Names[i].A, "JOHN PAUL", new DateOnly(1970, 3, 4 + i), Sex.Male, "LS12 3AB", Nino.Parse("AB12345" + i + "C"));
            _right[i] = IdentityProfile.Create(i, Names[i].B, "Jack", new DateOnly(1970, 4, 3 + i), Sex.Unknown, "LS12", Nino.Blank);
        }
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public double JaroWinklerSimilarity()
    {
        var sum = 0.0;
        foreach (var (a, b) in Names)
        {
            sum += JaroWinkler.Similarity(a, b);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int OneEdit()
    {
        var n = 0;
        foreach (var (a, b) in Names)
        {
            n += EditDistance.IsOneEdit(a, b) ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int ComparePair()
    {
        var n = 0;
        for (var i = 0; i < _left.Length; i++)
        {
            n += PairComparer.Compare(_left[i], _right[i]).Surname;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 10)]
    public int CreateProfile()
    {
        var n = 0;
        for (var i = 0; i < Names.Length; i++)
        {
            n += IdentityProfile.Create(i, Names[i].A, "Mary Ann", new DateOnly(1981, 5, 6), Sex.Female, "se1 7pb", Nino.Parse("ab 12 34 56 c")).Owner;
        }

        return n;
    }

    /// <summary>As the matcher builds profiles: names through the run's shared forms (derived on first sight, then
    /// looked up), the postcode as records keep it.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int CreateProfileWithRunCache()
    {
        var n = 0;
        for (var i = 0; i < Names.Length; i++)
        {
            n += IdentityProfile.Create(i, Names[i].A, "Mary Ann", new DateOnly(1981, 5, 6), Sex.Female, "SE17PB", _nino, _names).Owner;
        }

        return n;
    }
}

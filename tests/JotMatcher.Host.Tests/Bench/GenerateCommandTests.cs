using System.Security.Cryptography;
using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Bench;

/// <summary><c>jot generate</c> as its own process: a dataset with its truth, the same bytes twice, bad usage refused.</summary>
[NonParallelizable]
public sealed class GenerateCommandTests
{
    private string work = "";

    [SetUp]
    public void CreateWorkFolder() => work = Directory.CreateTempSubdirectory("jot-generate-tests-").FullName;

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(work, recursive: true);

    [Test]
    public async Task Generate_writes_a_dataset_with_its_truth_and_the_same_bytes_again()
    {
        var first = await JotProcess.RunAsync("generate", "--people", "1500", "--seed", "4", "--out", Path.Combine(work, "a"));
        var second = await JotProcess.RunAsync("generate", "--people", "1500", "--seed", "4", "--out", Path.Combine(work, "b"));

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
            Assert.That(first.StandardOutput, Does.StartWith("generate: 1500 people,"));
            Assert.That(File.Exists(Path.Combine(work, "a", "truth.csv")) && File.Exists(Path.Combine(work, "a", "truth-outcomes.csv")));
            Assert.That(Digests(Path.Combine(work, "b")), Is.EqualTo(Digests(Path.Combine(work, "a"))));
        });
    }

    [Test]
    public async Task Legacy_format_and_an_early_as_of_date_are_written_as_asked()
    {
        var run = await JotProcess.RunAsync("generate", "--people", "800", "--seed", "2", "--legacy-format", "--as-of", "2007-10-31", "--noise-scale", "2",
            "--out", Path.Combine(work, "legacy"));

        var manifest = File.ReadAllText(Path.Combine(work, "legacy", "manifest.json"));
        var claims = Directory.GetFiles(Path.Combine(work, "legacy", "claims")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(manifest, Does.Contain("\"as_of\": \"2007-10-31\"").And.Contain("\"noise_scale\": 2"));
            Assert.That(File.ReadLines(claims).First(), Does.StartWith("CUSTOMER_ID,"));
        });
    }

    [TestCase("--people", "0", TestName = "no people")]
    [TestCase("--noise-scale", "-1", TestName = "a negative noise scale")]
    [TestCase("--as-of", "31/12/2007", TestName = "an as-of date that is not YYYY-MM-DD")]
    public async Task Bad_usage_exits_2_and_writes_nothing(string option, string value)
    {
        var arguments = new List<string> { "generate", "--people", "10", "--seed", "1", "--out", Path.Combine(work, "x") };
        var at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments[at + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var run = await JotProcess.RunAsync([.. arguments]);
        Assert.That((run.ExitCode, Directory.Exists(Path.Combine(work, "x"))), Is.EqualTo((2, false)), run.ToString());
    }

    [Test]
    public async Task A_folder_that_is_not_empty_is_refused()
    {
        File.WriteAllText(Path.Combine(work, "keep.txt"), "mine");
        var run = await JotProcess.RunAsync("generate", "--people", "10", "--seed", "1", "--out", work);
        Assert.That((run.ExitCode, Directory.GetFileSystemEntries(work).Length), Is.EqualTo((2, 1)), run.ToString());
    }

    private static SortedDictionary<string, string> Digests(string directory)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            digests[Path.GetRelativePath(directory, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return digests;
    }
}

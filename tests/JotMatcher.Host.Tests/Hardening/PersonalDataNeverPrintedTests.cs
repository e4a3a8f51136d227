using JotMatcher.Host.Tests.SampleData;
using JotMatcher.Infrastructure.Tests.Security;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>
/// SPEC §7 end to end: the real program, run as operators run it with logging at Trace, on a dataset whose NINos,
/// names and dates of birth are planted (<see cref="PersonalDataDataset"/>: matched into an outcome, a referral and a
/// review case, and rejected every way the reader rejects) writes none of them to standard output or standard
/// error, in any normalisation or date format — nor to the export files, whose columns hold ids, codes and counts.
/// </summary>
public sealed class PersonalDataNeverPrintedTests
{
    /// <summary>Every log line the program could write, written: the scan sees all of them.</summary>
    private static readonly Dictionary<string, string> TraceLogging = new()
    {
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
    };

    private string root = "";

    [SetUp]
    public void CreateDataset()
    {
        root = Path.Combine(Path.GetTempPath(), "jot-pii-" + Guid.NewGuid().ToString("N"));
        PersonalDataDataset.Write(Path.Combine(root, "dataset"));
    }

    [TearDown]
    public void DeleteDataset() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task Replay_prints_counts_and_no_personal_data_and_exports_none()
    {
        var output = Path.Combine(root, "out");

        var run = await JotProcess.RunAsync(TraceLogging, "replay", "--dataset", Path.Combine(root, "dataset"), "--out", output);

        var exports = Directory.GetFiles(output).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            // 20 rows read (14 claims, 6 HMRC) of which 11 + 3 rejected, plus the 2 quarantined files' rejects.
            Assert.That(run.StandardOutput, Does.Contain("replay: 20 rows read, 16 rejected; 1 outcomes, 1 review cases, 1 referrals"), run.ToString());
            Assert.That(PersonalData.FoundIn(run.StandardOutput + run.StandardError), Is.Empty, run.ToString());
            Assert.That(exports.Keys, Is.SupersetOf(new[] { "outcomes.csv", "review.csv", "referrals.csv", "rejects.csv", "summary.json" }));
            Assert.That(exports.Where(e => PersonalData.FoundIn(e.Value).Count > 0).Select(e => e.Key + ": " + string.Join(", ", PersonalData.FoundIn(e.Value))), Is.Empty);
        });
    }

    [Test]
    public async Task Replay_verify_prints_its_line_differences_and_still_no_personal_data()
    {
        var expected = Path.Combine(root, "dataset", "expected");
        Directory.CreateDirectory(expected);
        File.WriteAllText(Path.Combine(expected, "outcomes.csv"), "hmrc_id,claim_id\nH9,C9\n");
        File.WriteAllText(Path.Combine(expected, "rejects.csv"), "file,line,reason\n");

        var run = await JotProcess.RunAsync(TraceLogging, "replay", "--dataset", Path.Combine(root, "dataset"), "--out", Path.Combine(root, "out"), "--verify");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.StandardOutput, Does.Contain("verify: rejects.csv line 2 actual only"), run.ToString());
            Assert.That(PersonalData.FoundIn(run.StandardOutput + run.StandardError), Is.Empty, run.ToString());
        });
    }

    [Test]
    public async Task A_run_stopped_by_an_unreadable_manifest_holding_personal_data_names_only_the_failure()
    {
        File.WriteAllText(Path.Combine(root, "dataset", "manifest.json"), """{ "as_of": "JX 73 91 46 B Quuxbridge 1961-07-23" }""");

        var run = await JotProcess.RunAsync(TraceLogging, "replay", "--dataset", Path.Combine(root, "dataset"), "--out", Path.Combine(root, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
            Assert.That(run.StandardError, Does.Contain("jot: the run stopped"), run.ToString());
            Assert.That(PersonalData.FoundIn(run.StandardOutput + run.StandardError), Is.Empty, run.ToString());
        });
    }
}

using System.CommandLine;
using JotMatcher.Host.Commands;

namespace JotMatcher.Host.Tests.Commands;

/// <summary><c>jot evaluate</c>, <c>jot explain</c> and the model file, run as the command line runs them, on real files.</summary>
public sealed class EvaluateAndExplainTests
{
    private LinkageDataset dataset = null!;
    private string outFolder = null!;

    [SetUp]
    public void SetUp()
    {
        dataset = new LinkageDataset();
        outFolder = Path.Combine(Path.GetTempPath(), "jot-out-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void TearDown()
    {
        dataset.Dispose();
        foreach (var folder in new[] { outFolder, outFolder + "2" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public void Evaluate_prints_precision_recall_per_pass_blocking_recall_and_points()
    {
        var details = Path.Combine(dataset.Root, "details.csv");
        var (code, output, _) = Jot("evaluate", "--dataset", dataset.Root, "--truth", dataset.TruthFile, "--details", details);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("overall                 55        55     1.0000   1.0000   1.0000"));
        Assert.That(output, Does.Contain("deterministic           50        50     1.0000   0.9091"));
        Assert.That(output, Does.Contain("probabilistic            5         5     1.0000   0.0909"));
        Assert.That(output, Does.Contain("blocking recall 1.0000"));
        Assert.That(output, Does.Contain("dob_surname_soundex"));
        Assert.That(output, Does.Contain("points exactly right 54 of 55"));
        Assert.That(File.ReadAllText(details), Is.EqualTo("hmrc_id,kind,true_claim_id,true_customer_id,linked_customer_id,pass,score\n"));
    }

    [Test]
    public void Evaluate_without_the_truth_file_is_bad_usage()
    {
        var (code, _, error) = Jot("evaluate", "--dataset", dataset.Root, "--truth", Path.Combine(dataset.Root, "absent.csv"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("not found"));
    }

    [Test]
    public void Explain_prints_the_waterfall_of_an_outcome_from_a_replay_folder()
    {
        Assert.That(Jot("replay", "--dataset", dataset.Root, "--out", outFolder).Code, Is.EqualTo(0));
        var (code, output, _) = Jot("explain", "--hmrc-id", "HM0057", "--out", outFolder);
        Assert.That(code, Is.EqualTo(0));
        var lines = output.Split('\n');
        Assert.That(lines[1], Does.StartWith("HM0057 / CL0057: outcome, pass probabilistic, score "));
        Assert.That(lines[3], Does.StartWith("  prior         prior"));
        Assert.That(lines[4], Does.StartWith("  nino          missing                 0.0000"));
        Assert.That(lines[5], Does.StartWith("  surname       exact"));
        Assert.That(lines[10], Does.StartWith("  middle_names  "));
        Assert.That(lines[11], Does.StartWith("  match_share   has_a_customer"));
        Assert.That(lines[12], Does.StartWith("  rivals        other_candidates"));
        Assert.That(lines[13], Does.StartWith("  match weight "));
    }

    [Test]
    public void Explain_of_a_record_without_a_decision_or_without_a_folder_is_bad_usage()
    {
        Assert.That(Jot("replay", "--dataset", dataset.Root, "--out", outFolder).Code, Is.EqualTo(0));
        Assert.That(Jot("explain", "--hmrc-id", "HM0062", "--out", outFolder).Code, Is.EqualTo(2), "nobody's customer");
        Assert.That(Jot("explain", "--hmrc-id", "HM0001", "--out", dataset.Root).Code, Is.EqualTo(2), "not an export folder");
    }

    [Test]
    public void A_replay_given_the_model_file_writes_the_same_bytes()
    {
        Assert.That(Jot("replay", "--dataset", dataset.Root, "--out", outFolder).Code, Is.EqualTo(0));
        var model = Path.Combine(outFolder, "model.json");
        Assert.That(File.ReadAllText(model), Does.Contain("\"term_frequencies\""));
        Assert.That(Jot("replay", "--dataset", dataset.Root, "--out", outFolder + "2", "--model", model).Code, Is.EqualTo(0));
        foreach (var file in Directory.GetFiles(outFolder).Order(StringComparer.Ordinal))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(outFolder + "2", Path.GetFileName(file))), Is.EqualTo(File.ReadAllBytes(file)), Path.GetFileName(file));
        }
    }

    private static (int Code, string Output, string Error) Jot(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JotCommandLine.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

using System.Diagnostics;
using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Storage;

/// <summary>
/// Issue 7: a real `jot run` killed with SIGKILL at 20 seeded random moments, each kill followed by the next run on
/// whatever the last one left, then one run to the end: the stored results and staged rows equal a clean run's
/// (nothing lost, nothing half-written).
/// </summary>
[NonParallelizable]
public sealed class RandomKillTests
{
    private const int Kills = 20;

    private string dataset = "";

    [OneTimeSetUp]
    public async Task GenerateDataset()
    {
        dataset = Path.Combine(Path.GetTempPath(), "jot-kill-data-" + Guid.NewGuid().ToString("N")[..8]);
        var generate = await JotProcess.RunAsync("generate", "--people", "4000", "--seed", "5", "--out", dataset);
        Assert.That(generate.ExitCode, Is.Zero, generate.ToString);
    }

    [OneTimeTearDown]
    public void DeleteDataset() => Directory.Delete(dataset, recursive: true);

    [Test]
    public async Task Twenty_kills_at_random_moments_then_a_full_run_equal_a_clean_run()
    {
        await using var clean = await JotDatabaseUnderTest.CreateAsync();
        var clock = Stopwatch.StartNew();
        var cleanRun = await clean.JotAsync("run", "--inbox", dataset);
        var cleanMilliseconds = (int)clock.ElapsedMilliseconds; // only to spread the kill moments over a run's life
        Assert.That(cleanRun.ExitCode, Is.Zero.Or.EqualTo(1), cleanRun.ToString); // 1: the generator may plant rejected rows

        await using var database = await JotDatabaseUnderTest.CreateAsync();
        var random = new Random(20070401);
        var killed = 0;
        for (var i = 0; i < Kills; i++)
        {
            using var process = database.StartJot("run", "--inbox", dataset);
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await Task.Delay(random.Next(cleanMilliseconds * 11 / 10));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }

            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Not.EqualTo(3), "a run that was not killed must not fail");
        }

        var final = await database.JotAsync("run", "--inbox", dataset);
        await TestContext.Out.WriteLineAsync($"random kills: {killed} of {Kills} runs killed mid-run; final run exit {final.ExitCode}");

        Assert.Multiple(async () =>
        {
            Assert.That(killed, Is.GreaterThanOrEqualTo(Kills / 2), "most runs should have been killed, or the test proves little");
            Assert.That(final.ExitCode, Is.Not.EqualTo(3), final.ToString);
            Assert.That(await database.ResultsDigestAsync(), Is.EqualTo(await clean.ResultsDigestAsync()));
            Assert.That(await database.QueryScalarAsync<long>("SELECT count(*) FROM jot.run WHERE status = 'running'"), Is.Zero);
        });
    }
}

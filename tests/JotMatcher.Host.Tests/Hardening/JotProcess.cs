using System.Diagnostics;
using System.Text;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>What one run of the real <c>jot</c> program did: its exit code and everything it wrote.</summary>
internal sealed record JotRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + "\n" + StandardError;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the built <c>jot</c> program (<c>jot.dll</c>, copied beside the tests by the project reference, so it is
/// the build under test) as a separate process, with logging at its most verbose so that every log line the
/// program could write is written and can be scanned.
/// </summary>
internal static class JotProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static JotRun Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Trace";
        start.Environment["Logging__LogLevel__Microsoft"] = "Trace";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"jot {string.Join(' ', arguments)} did not finish within {Limit}");
        }

        return new JotRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    public static JotRun Run(params string[] arguments) => Run(null, arguments);
}

using System.Diagnostics;
using System.Text;

namespace JotMatcher.Host.Tests.SampleData;

/// <summary>What one run of the real <c>jot</c> program printed and returned.</summary>
internal sealed record JotRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the built <c>jot</c> program as its own process (<c>dotnet jot.dll ARGS</c>), as an operator or auditor would,
/// so exit codes, console output and files are those of the real program rather than of a method call.
/// The test project references the host project, so <c>jot.dll</c>, its runtime config and appsettings.json are
/// copied next to the test assembly.
/// </summary>
internal static class JotProcess
{
    /// <summary>A guard against a hung child, not a performance expectation: a replay of a sample takes seconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "jot.dll");

    public static Task<JotRun> RunAsync(params string[] arguments) => RunAsync(NoEnvironment, arguments);

    /// <summary>Runs jot with extra environment variables (e.g. <c>ConnectionStrings__Jot</c> of a test database).</summary>
    public static async Task<JotRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        return await WaitForExitAsync(process, Limit, $"jot {string.Join(' ', arguments)}");
    }

    /// <summary>
    /// Reads a started child's output to the end and waits for it to exit; past <paramref name="limit"/> it is killed
    /// with its children and the test fails with a timeout naming <paramref name="what"/>.
    /// </summary>
    public static async Task<JotRun> WaitForExitAsync(Process process, TimeSpan limit, string what)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {limit}");
        }

        return new JotRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts jot and returns the running process (its output redirected), for tests that stop or kill it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(ProgramPath))
        {
            throw new FileNotFoundException("the built jot program is not next to the tests", ProgramPath);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not inherit a test run's connection string or environment name and change its behaviour.
        start.Environment.Remove("ConnectionStrings__Jot");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("jot did not start");
    }

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    // `dotnet test` tells child processes which dotnet runs it; fall back to the one on PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";
}

using System.Diagnostics;
using System.Text;
using JotMatcher.Host.Tests.SampleData;

namespace JotMatcher.Host.Tests.Hardening;

/// <summary>A jot process whose standard error is watched line by line while it runs.</summary>
internal sealed class ObservedRun : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder error = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> waits = [];
    private readonly Task<string> output;

    public ObservedRun(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        process = JotProcess.Start(environment, arguments);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (waits)
            {
                error.AppendLine(e.Data);
                foreach (var (text, seen) in waits.Where(w => e.Data.Contains(w.Text, StringComparison.Ordinal)))
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginErrorReadLine();
        output = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>Waits for a line of standard error containing <paramref name="text"/>; fails if the process ends first.</summary>
    public async Task WaitForLineAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waits)
        {
            if (error.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            waits.Add((text, seen));
        }

        await Task.WhenAny(seen.Task, process.WaitForExitAsync());
        Assert.That(seen.Task.IsCompleted, Is.True, $"jot ended before writing '{text}':\n{this}");
    }

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL on Linux: no handler runs, nothing is flushed or closed by the program itself.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await ExitAsync();
    }

    /// <summary>Waits until the process ends or <paramref name="delay"/> passes, whichever is first.</summary>
    public Task WaitAsync(TimeSpan delay) => Task.WhenAny(Task.Delay(delay), process.WaitForExitAsync());

    public async Task<int> ExitAsync()
    {
        await process.WaitForExitAsync();
        await output;
        return process.ExitCode;
    }

    public override string ToString()
    {
        lock (waits)
        {
            return $"exit {(process.HasExited ? process.ExitCode : -1)}\n--- stdout\n{(output.IsCompleted ? output.Result : "")}--- stderr\n{error}";
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}

using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace JotMatcher.Host.Runs;

/// <summary>
/// Tells a person what a long run is doing: a live Spectre status line on a terminal, and otherwise (a log file,
/// the worker under systemd) a log line per step plus one every <see cref="LogInterval"/> while a step lasts.
/// </summary>
internal abstract class RunProgress
{
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(15);

    public abstract void Begin(long runId);

    public abstract void Step(string step);

    /// <summary>Runs <paramref name="work"/> with the progress display that suits where standard error goes.</summary>
    public static async Task<T> ShowAsync<T>(ILogger logger, TimeProvider clock, Func<RunProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Console.IsErrorRedirected)
        {
            using var progress = new LogLines(logger, clock);
            return await work(progress);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", context => work(new Terminal(context)));
    }

    /// <summary>Log lines only, whatever standard error is (the worker); dispose it to stop its timer.</summary>
    public static RunProgress LogLinesFor(ILogger logger, TimeProvider clock) => new LogLines(logger, clock);

    /// <summary>No display at all (tests, callers that print their own).</summary>
    public static RunProgress None { get; } = new Silent();

    private sealed class Terminal(StatusContext context) : RunProgress
    {
        private long runId;

        public override void Begin(long runId) => this.runId = runId;

        public override void Step(string step) => context.Status(Markup.Escape($"run {runId}: {step}"));
    }

    private sealed class LogLines(ILogger logger, TimeProvider clock) : RunProgress, IDisposable
    {
        private readonly object gate = new();
        private ITimer? timer;
        private long runId;
        private string step = "starting";
        private long stepStarted;

        public override void Begin(long runId) => this.runId = runId;

        public override void Step(string step)
        {
            lock (gate)
            {
                this.step = step;
                stepStarted = clock.GetTimestamp();
                // Restarted at each step, so "still ... after N s" counts from the step's start.
                timer ??= clock.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                timer.Change(LogInterval, LogInterval);
            }

            Log.RunStep(logger, runId, step);
        }

        private void Tick()
        {
            string current;
            long seconds;
            lock (gate)
            {
                current = step;
                seconds = (long)clock.GetElapsedTime(stepStarted).TotalSeconds;
            }

            Log.RunStillWorking(logger, runId, current, seconds);
        }

        public void Dispose() => timer?.Dispose();
    }

    private sealed class Silent : RunProgress
    {
        public override void Begin(long runId)
        {
        }

        public override void Step(string step)
        {
        }
    }
}

using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace JotMatcher.Host.Commands;

/// <summary><c>jot worker</c>: the hosted service running `run` on the schedule of <c>Jot:Worker:Schedule</c> until stopped (SIGTERM, Ctrl+C).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Run `jot run` on the cron schedule of Jot:Worker:Schedule until stopped.");
        command.SetAction(async (_, cancellationToken) =>
        {
            // The host's lifetime handles SIGTERM/SIGINT: it cancels the worker's stopping token and waits for it.
            using var host = JotHost.Build();
            await host.RunAsync(cancellationToken);

            return ExitCodes.Success;
        });
        return command;
    }
}

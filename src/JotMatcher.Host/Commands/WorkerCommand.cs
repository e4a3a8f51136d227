using System.CommandLine;
using JotMatcher.Host.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot worker</c>: the hosted service running `run` on the schedule of <c>Jot:Worker:Schedule</c> until stopped
/// (SIGTERM, Ctrl+C). Exit 0 when stopped by a signal; 3 when it could not start.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Run `jot run` on the cron schedule of Jot:Worker:Schedule until stopped.");
        command.SetAction(async (_, cancellationToken) =>
        {
            // The host's lifetime handles SIGTERM/SIGINT: it cancels the worker's stopping token and waits for it.
            using var host = JotHost.Build();
            var worker = host.Services.GetServices<IHostedService>().OfType<ScheduledRunWorker>().Single();
            await host.RunAsync(cancellationToken); // disposes the host when it returns
            return worker.ExitCode;
        });
        return command;
    }
}

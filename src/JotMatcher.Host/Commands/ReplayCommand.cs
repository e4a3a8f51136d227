using System.CommandLine;

namespace JotMatcher.Host.Commands;

internal static class ReplayCommand
{
    // STUB: the command structure exists; its work is filled in by its issue.
    public static Command Create()
    {
        var command = new Command("replay", "(not yet implemented)");
        command.SetAction(_ => ExitCodes.Failure);
        return command;
    }
}

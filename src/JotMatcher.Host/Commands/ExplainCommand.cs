using System.CommandLine;

namespace JotMatcher.Host.Commands;

internal static class ExplainCommand
{
    // STUB: the command structure exists; its work is filled in by its issue.
    public static Command Create()
    {
        var command = new Command("explain", "(not yet implemented)");
        command.SetAction(_ => ExitCodes.Failure);
        return command;
    }
}

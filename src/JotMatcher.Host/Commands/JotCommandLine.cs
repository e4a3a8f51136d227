using System.CommandLine;

namespace JotMatcher.Host.Commands;

/// <summary>The `jot` command tree (SPEC §5). Each sub-command lives in its own file.</summary>
internal static class JotCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("JotMatcher: matches Jobcentre Plus claims to HMRC employment starts and awards Job Outcome Target points.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        return root;
    }
}

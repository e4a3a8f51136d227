using System.CommandLine;
using JotMatcher.Core.Matching.Explanation;
using JotMatcher.Infrastructure.Explanation;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot explain --hmrc-id ID [--out DIR]</c>: why an HMRC record was linked, referred or sent to review — each
/// decision with its evidence waterfall (field, level, weight, running total), read from a replay's export folder.
/// Evidence is levels and weights only, so nothing personal is printed.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var hmrcId = new Option<string>("--hmrc-id") { Description = "The HMRC record to explain.", Required = true };
        var folder = new Option<DirectoryInfo?>("--out") { Description = "Export folder of a replay or run (evidence.csv, outcomes.csv, review.csv, referrals.csv)." };
        var command = new Command("explain", "Print the evidence behind one HMRC record's match, referral or review cases.")
        {
            hmrcId, folder,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetRequiredValue(hmrcId).Trim();
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var source = Source(parse.GetValue(folder), error);
            if (source is null)
            {
                return ExitCodes.BadUsage;
            }

            var decisions = source.Explain(id);
            if (decisions.Count == 0)
            {
                error.WriteLine($"jot explain: {id} has no outcome, referral or review case in the {source.RunDescription}");
                return ExitCodes.BadUsage;
            }

            output.WriteLine($"{id}: {decisions.Count} decision(s) in the {source.RunDescription}");
            foreach (var d in decisions)
            {
                output.Write(EvidenceWaterfall.Format(d));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IExplanationSource? Source(DirectoryInfo? folder, TextWriter error)
    {
        if (folder is null)
        {
            // The stored-run source plugs in here once runs are kept in PostgreSQL.
            error.WriteLine("jot explain: no stored run to read yet; give the export folder of a replay with --out DIR");
            return null;
        }

        if (!File.Exists(Path.Combine(folder.FullName, "evidence.csv")))
        {
            error.WriteLine($"jot explain: not an export folder (no evidence.csv): {folder.FullName}");
            return null;
        }

        return new ExportFolderExplanationSource(folder.FullName);
    }
}

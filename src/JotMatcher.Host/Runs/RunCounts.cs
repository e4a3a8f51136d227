using System.Text;
using System.Text.Json;
using JotMatcher.Core.Runs;
using JotMatcher.Infrastructure.Postgres.Staging;

namespace JotMatcher.Host.Runs;

/// <summary>The counts the runs ledger keeps of a run (jsonb): input reconciliation, files staged, matches, outcomes and points.</summary>
internal static class RunCounts
{
    public static string Json(RunSummary summary, StagingResult staging)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("rows_read", summary.Totals.RowsRead);
            json.WriteNumber("accepted", summary.Totals.Accepted);
            json.WriteNumber("rejected", summary.Totals.Rejected);
            json.WriteNumber("new_rejects", staging.NewRejects.Count);
            json.WriteNumber("files_staged", staging.Files.Count(f => f.Action == StagingAction.Staged));
            json.WriteNumber("files_new_version", staging.Files.Count(f => f.Action == StagingAction.NewVersion));
            json.WriteNumber("files_unchanged", staging.Files.Count(f => f.Action == StagingAction.Unchanged));
            json.WriteNumber("matches_deterministic", summary.Matches.Deterministic);
            json.WriteNumber("matches_fuzzy_nino", summary.Matches.FuzzyNino);
            json.WriteNumber("matches_probabilistic", summary.Matches.Probabilistic);
            json.WriteNumber("outcomes", summary.Outcomes);
            json.WriteNumber("review_cases", summary.ReviewCases);
            json.WriteNumber("referrals", summary.Referrals);
            json.WriteNumber("points", summary.TotalPoints);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

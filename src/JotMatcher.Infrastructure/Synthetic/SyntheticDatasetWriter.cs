using System.Globalization;
using JotMatcher.Core.Records;
using JotMatcher.Core.Synthetic;

namespace JotMatcher.Infrastructure.Synthetic;

/// <summary>
/// Streams a synthetic population to a SPEC §5 dataset folder: <c>claims/</c>, <c>hmrc/</c> (each in files of at most
/// a million rows), <c>reference/deprived_areas.csv</c> and <c>profile.csv</c>, <c>manifest.json</c> (as-of date and
/// the generator's own account of its noise), <c>truth.csv</c> and <c>truth-outcomes.csv</c>. Written into a
/// temporary sibling folder and renamed at the end, so a folder that exists is complete.
/// </summary>
public static class SyntheticDatasetWriter
{
    /// <summary>Rows per data file: several files exercise the reader's file order, and no file grows without bound.</summary>
    public const int RowsPerFile = 1_000_000;

    /// <exception cref="IOException">The output folder exists and is not empty.</exception>
    public static SyntheticDatasetSummary Write(SyntheticGenerator generator, string outDirectory, bool legacyFormat)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var target = Path.GetFullPath(outDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"output folder is not empty: {target}");
        }

        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var summary = WriteInto(generator, staging, legacyFormat ? SyntheticLayout.LegacyExtract : SyntheticLayout.Standard);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return summary;
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static SyntheticDatasetSummary WriteInto(SyntheticGenerator generator, string directory, SyntheticLayout layout)
    {
        Directory.CreateDirectory(Path.Combine(directory, "claims"));
        Directory.CreateDirectory(Path.Combine(directory, "hmrc"));
        var noise = new NoiseCounts();
        long customers = 0, truePairs = 0, outcomes = 0, intendedRejects = 0;

        using (var claims = new RollingCsv(Path.Combine(directory, "claims"), layout.Legacy ? "claims_extract_" : "claims-", layout.Legacy, layout.ClaimHeader))
        using (var hmrc = new RollingCsv(Path.Combine(directory, "hmrc"), layout.Legacy ? "hmrc_starts_" : "hmrc-", layout.Legacy, layout.HmrcHeader))
        using (var truth = new Utf8CsvFile(Path.Combine(directory, "truth.csv"), crlf: false))
        using (var truthOutcomes = new Utf8CsvFile(Path.Combine(directory, "truth-outcomes.csv"), crlf: false))
        {
            truth.Header(["hmrc_id", "claim_id"]);
            truthOutcomes.Header(["hmrc_id", "claim_id", "priority_group", "total_points", "sustain_pending"]);
            foreach (var batch in generator.Batches())
            {
                foreach (var claim in batch.Claims)
                {
                    SyntheticRowWriter.Claim(claims.Next(), claim, layout);
                    intendedRejects += claim.IsIntendedReject ? 1 : 0;
                }

                foreach (var employment in batch.Employments)
                {
                    SyntheticRowWriter.Employment(hmrc.Next(), employment, layout);
                    intendedRejects += employment.IsIntendedReject ? 1 : 0;
                }

                foreach (var pair in batch.Truth)
                {
                    truth.Field(pair.HmrcId);
                    truth.Field(pair.ClaimId);
                    truth.EndRow();
                }

                foreach (var outcome in batch.Outcomes)
                {
                    truthOutcomes.Field(outcome.HmrcId);
                    truthOutcomes.Field(outcome.ClaimId);
                    truthOutcomes.Field(outcome.PriorityGroup.ToString(CultureInfo.InvariantCulture));
                    truthOutcomes.Field(outcome.TotalPoints.ToString(CultureInfo.InvariantCulture));
                    truthOutcomes.Flag(outcome.SustainPending);
                    truthOutcomes.EndRow();
                }

                noise.Add(batch.Noise);
                customers += batch.Customers;
                truePairs += batch.Truth.Count;
                outcomes += batch.Outcomes.Count;
            }

            var summary = new SyntheticDatasetSummary(
                generator.Options, customers, claims.Rows, hmrc.Rows, truePairs, outcomes, intendedRejects, noise, generator.Rates, layout.Legacy);
            WriteReference(generator, directory);
            SyntheticManifest.Write(Path.Combine(directory, "manifest.json"), summary);
            return summary;
        }
    }

    private static void WriteReference(SyntheticGenerator generator, string directory)
    {
        var reference = Path.Combine(directory, "reference");
        Directory.CreateDirectory(reference);
        using (var deprived = new Utf8CsvFile(Path.Combine(reference, "deprived_areas.csv"), crlf: false))
        {
            deprived.Header(["area_code"]);
            foreach (var area in generator.DeprivedAreas())
            {
                deprived.Field(area);
                deprived.EndRow();
            }
        }

        using var profile = new Utf8CsvFile(Path.Combine(reference, "profile.csv"), crlf: false);
        profile.Header(["district_code", "month", "points"]);
        foreach (ProfileEntry entry in generator.Profile())
        {
            profile.Field(entry.DistrictCode);
            profile.Field(entry.Month);
            profile.Field(entry.Points.ToString(CultureInfo.InvariantCulture));
            profile.EndRow();
        }
    }

    /// <summary>A data file that starts a new numbered part every <see cref="RowsPerFile"/> rows.</summary>
    private sealed class RollingCsv(string directory, string prefix, bool legacy, IEnumerable<string> header) : IDisposable
    {
        private readonly string[] _header = [.. header];
        private Utf8CsvFile? _current;
        private int _part;

        public long Rows { get; private set; }

        public Utf8CsvFile Next()
        {
            if (_current is null || _current.Rows >= RowsPerFile)
            {
                _current?.Dispose();
                _part++;
                _current = new Utf8CsvFile(
                    Path.Combine(directory, prefix + _part.ToString("D4", CultureInfo.InvariantCulture) + ".csv"), crlf: legacy);
                _current.Header(_header);
            }

            Rows++;
            return _current;
        }

        public void Dispose()
        {
            if (_current is null)
            {
                // An empty population still gets a file with its header, so the folder reads as a dataset.
                Next();
                Rows--;
            }

            _current?.Dispose();
        }
    }
}

using CsvHelper;
using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>
/// Reads the dataset's <c>reference/</c> files. They are small and curated, and a wrong one silently changes
/// points, so any unreadable row stops the read with an <see cref="InvalidDataException"/> naming file, line and column
/// (reference data holds no personal data).
/// </summary>
internal static class ReferenceReader
{
    public static ReferenceData Read(string referenceDirectory)
    {
        var deprivedPath = Path.Combine(referenceDirectory, "deprived_areas.csv");
        var profilePath = Path.Combine(referenceDirectory, "profile.csv");
        var deprived = File.Exists(deprivedPath) ? ReadDeprivedAreas(deprivedPath) : new HashSet<string>(StringComparer.Ordinal);
        var profile = File.Exists(profilePath) ? ReadProfile(profilePath) : [];
        return new ReferenceData(deprived, profile);
    }

    private static HashSet<string> ReadDeprivedAreas(string path)
    {
        var areas = new HashSet<string>(StringComparer.Ordinal);
        using var csv = StrictCsvFile.Open(path);
        var areaCode = RequireColumn(csv, path, "area_code");
        while (csv.Read())
        {
            var code = csv.GetString(areaCode).Trim();
            if (code.Length > 0)
            {
                areas.Add(code);
            }
        }

        return areas;
    }

    private static List<ProfileEntry> ReadProfile(string path)
    {
        var entries = new List<ProfileEntry>();
        using var csv = StrictCsvFile.Open(path);
        var district = RequireColumn(csv, path, "district_code");
        var month = RequireColumn(csv, path, "month");
        var points = RequireColumn(csv, path, "points");
        while (csv.Read())
        {
            var districtCode = csv.GetString(district).Trim();
            var monthText = csv.GetString(month).Trim();
            if (districtCode.Length == 0)
            {
                throw Bad(path, csv.LineNumber, "district_code: missing");
            }

            if (!IsMonth(monthText))
            {
                throw Bad(path, csv.LineNumber, "month: unreadable (YYYY-MM expected)");
            }

            if (!csv.TryParse<int>(points, out var target))
            {
                throw Bad(path, csv.LineNumber, "points: unreadable");
            }

            entries.Add(new ProfileEntry(districtCode, monthText, target));
        }

        return entries;
    }

    private static int RequireColumn(CsvReader csv, string path, string name)
        => csv.TryGetFieldIndex(name, out var index) ? index : throw Bad(path, 1, $"missing required column {name}");

    private static bool IsMonth(string s)
        => s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), out var year) && year > 0
           && int.TryParse(s.AsSpan(5, 2), out var m) && m is >= 1 and <= 12;

    private static InvalidDataException Bad(string path, long line, string problem)
        => new($"reference/{Path.GetFileName(path)} line {line}: {problem}");
}

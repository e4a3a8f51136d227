using CsvHelper;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>A named input column and where the file's header put it; <see cref="Index"/> is -1 when the file has no such column.</summary>
internal readonly record struct Column(string Name, int Index)
{
    public bool IsPresent => Index >= 0;

    /// <summary>Finds <paramref name="name"/> in the header: exact first, then ignoring case and surrounding spaces (CsvHelper's rule).</summary>
    public static Column Find(CsvReader csv, string name) => new(name, csv.TryGetFieldIndex(name, out var index) ? index : -1);
}

using System.Globalization;
using CsvHelper;

namespace JotMatcher.Infrastructure.Export;

/// <summary>
/// One export CSV: UTF-8 without BOM, LF, RFC 4180 quoting only where needed, invariant culture, and text cells
/// that a spreadsheet would run as a formula (= + - @) neutralised with a leading apostrophe. CsvHelper applies that
/// only to text, never to the numbers written through <see cref="Number"/>, so a negative weight stays a number.
/// Written to a temporary name and renamed, so a reader never sees half a file.
/// </summary>
internal sealed class ExportFile : IDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private readonly string path;
    private readonly string temporaryPath;
    private bool completed;

    private ExportFile(string path, string[] header)
    {
        this.path = path;
        temporaryPath = WrittenFile.For(path).TemporaryPath;
        Writer = CsvWriter.ToFile(temporaryPath, Options);
        Writer.WriteHeader(header);
    }

    public CsvWriter Writer { get; }

    public static ExportFile Create(string directory, string name, params string[] header) => new(Path.Combine(directory, name), header);

    public void Text(string value) => Writer.WriteField(value);

    public void Number(int value) => Writer.WriteField(value, default);

    public void Number(long value) => Writer.WriteField(value, default);

    /// <summary>Four decimals (<c>0.0000</c>); a value that rounds to zero is written 0.0000, never -0.0000.</summary>
    public void Fixed4(double value) => Writer.WriteField(Math.Round(value, 4) == 0 ? 0.0 : value, "0.0000");

    public void Date(DateOnly? value) => Writer.WriteField(value, "yyyy-MM-dd");

    public void EndRow() => Writer.EndRecord();

    /// <summary>Flushes and moves the file into place; until then the previous file of that name is untouched.</summary>
    public void Complete() => Finish().MoveIntoPlace();

    /// <summary>Flushes the file under its temporary name and leaves it there, for a caller that moves several files into place together.</summary>
    public WrittenFile Finish()
    {
        Writer.Dispose();
        completed = true;
        return new WrittenFile(temporaryPath, path);
    }

    public void Dispose()
    {
        if (!completed)
        {
            Writer.Dispose();
            File.Delete(temporaryPath);
        }
    }
}

/// <summary>An export file written under its temporary name, not yet in place.</summary>
internal sealed record WrittenFile(string TemporaryPath, string Path)
{
    public static WrittenFile For(string path) => new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "." + System.IO.Path.GetFileName(path) + ".tmp"), path);

    public void MoveIntoPlace() => File.Move(TemporaryPath, Path, overwrite: true);

    public void Delete() => File.Delete(TemporaryPath);
}

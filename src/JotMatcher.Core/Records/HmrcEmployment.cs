using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Records;

/// <summary>One row of an HMRC employment feed: a notified employment start, parsed and validated.</summary>
/// <remarks>
/// Held from staging to the end of a run, so kept compact behind the properties as <see cref="ClaimSpell"/> is:
/// dates as day numbers, the source as its file name and line. The employer reference is not kept: only staging
/// stores it (a unique string per row, 48 MB at a million employments), so it travels with the row to the staging copy
/// and no further. The id is a <see cref="RecordId"/> held inline: 104 bytes a record, against 96 and a 48-byte string.
/// </remarks>
public sealed record HmrcEmployment
{
    private int dateOfBirth;
    private int employmentStart;
    private int notifiedOn;
    private string? sourceFile;
    private long sourceLine;

    public required RecordId HmrcId { get; init; }
    public Nino Nino { get; init; }
    public string Surname { get; init; } = "";
    public string Forenames { get; init; } = "";
    public DateOnly? DateOfBirth { get => CompactDate.Read(dateOfBirth); init => dateOfBirth = CompactDate.Of(value); }
    public Sex Sex { get; init; }
    /// <summary>Upper case, no spaces.</summary>
    public string Postcode { get; init; } = "";
    public required DateOnly EmploymentStart { get => DateOnly.FromDayNumber(employmentStart); init => employmentStart = value.DayNumber; }
    public DateOnly? NotifiedOn { get => CompactDate.Read(notifiedOn); init => notifiedOn = CompactDate.Of(value); }

    // Stored as its two parts: a SourceLocation field would be padded to 16 bytes on its own.
    public SourceLocation Source { get => new(sourceFile!, sourceLine); init => (sourceFile, sourceLine) = (value.File, value.Line); }
}

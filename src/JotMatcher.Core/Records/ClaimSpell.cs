using JotMatcher.Core.Identity;

namespace JotMatcher.Core.Records;

/// <summary>One row of a claims extract: a customer's spell with Jobcentre Plus, parsed and validated.</summary>
/// <remarks>
/// A run holds every spell from staging to the end (millions at scale), so the fields are kept compact behind the
/// properties: dates as day numbers (<see cref="CompactDate"/> for the optional ones: 4 bytes instead of 8; a struct
/// field such as a DateOnly is padded to 8 bytes in a class, an int is not), the four flags in one byte, the source as its
/// file name and line, and the two ids as <see cref="RecordId"/>s held inline rather than strings. 144 bytes a spell
/// and nothing else of its own (the ids as strings: 128 bytes and two 48-byte strings, one shared with the customer's
/// other spells on consecutive rows).
/// </remarks>
public sealed record ClaimSpell
{
    private int dateOfBirth;
    private int claimStart;
    private int claimEnd;
    private SpellFlags flags;
    private string? sourceFile;
    private long sourceLine;

    [Flags]
    private enum SpellFlags : byte
    {
        None = 0,
        Employed = 1,
        LoneParent = 2,
        Disabled = 4,
        HasChildren = 8,
    }

    public required RecordId ClaimId { get; init; }
    public required RecordId CustomerId { get; init; }
    public Nino Nino { get; init; }
    public string Surname { get; init; } = "";
    public string Forenames { get; init; } = "";
    public DateOnly? DateOfBirth { get => CompactDate.Read(dateOfBirth); init => dateOfBirth = CompactDate.Of(value); }
    public Sex Sex { get; init; }
    /// <summary>Upper case, no spaces.</summary>
    public string Postcode { get; init; } = "";
    public Benefit Benefit { get; init; }
    public bool Employed { get => Has(SpellFlags.Employed); init => Set(SpellFlags.Employed, value); }
    public bool LoneParent { get => Has(SpellFlags.LoneParent); init => Set(SpellFlags.LoneParent, value); }
    public bool Disabled { get => Has(SpellFlags.Disabled); init => Set(SpellFlags.Disabled, value); }
    public bool HasChildren { get => Has(SpellFlags.HasChildren); init => Set(SpellFlags.HasChildren, value); }
    public Programme Programme { get; init; }
    public required DateOnly ClaimStart { get => DateOnly.FromDayNumber(claimStart); init => claimStart = value.DayNumber; }
    public DateOnly? ClaimEnd { get => CompactDate.Read(claimEnd); init => claimEnd = CompactDate.Of(value); }
    public string OfficeCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string AreaCode { get; init; } = "";

    // Stored as its two parts: a SourceLocation field would be padded to 16 bytes on its own.
    public SourceLocation Source { get => new(sourceFile!, sourceLine); init => (sourceFile, sourceLine) = (value.File, value.Line); }

    private bool Has(SpellFlags flag) => (flags & flag) != 0;

    private void Set(SpellFlags flag, bool value) => flags = value ? flags | flag : flags & ~flag;
}

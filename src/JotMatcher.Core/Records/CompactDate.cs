namespace JotMatcher.Core.Records;

/// <summary>
/// An optional date in 4 bytes, for records a run holds by the million: 0 is no date, any other value the date's
/// <see cref="DateOnly.DayNumber"/> plus one (a <see cref="DateOnly"/>? takes 8 bytes with its flag and padding).
/// </summary>
internal static class CompactDate
{
    public static int Of(DateOnly? date) => date is { } d ? d.DayNumber + 1 : 0;

    public static DateOnly? Read(int stored) => stored == 0 ? null : DateOnly.FromDayNumber(stored - 1);
}

namespace JotMatcher.Core.Synthetic;

/// <summary>
/// A date as a synthetic file records it: year, month and day as written, which may be an impossible date
/// (a 30 February, on purpose, to exercise the reader's warnings). <see cref="Blank"/> is an empty field.
/// </summary>
public readonly record struct RecordedDate(int Year, int Month, int Day)
{
    public static RecordedDate Blank => default;

    public bool IsBlank => Year == 0;

    public static RecordedDate From(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static RecordedDate From(DateOnly? date) => date is { } d ? From(d) : Blank;

    public static RecordedDate FromDayNumber(int dayNumber) => From(DateOnly.FromDayNumber(dayNumber));
}

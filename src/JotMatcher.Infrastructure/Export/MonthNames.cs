using System.Globalization;

namespace JotMatcher.Infrastructure.Export;

/// <summary><c>yyyy-MM</c> of a date (a row's month), formatted once per month rather than once per row.</summary>
internal sealed class MonthNames
{
    private readonly Dictionary<int, string> names = [];

    public string Of(DateOnly date)
    {
        var key = (date.Year * 12) + date.Month;
        if (!names.TryGetValue(key, out var name))
        {
            name = date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            names.Add(key, name);
        }

        return name;
    }
}

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// Distinctive personal data to plant in inputs, and the scan that finds any of it in text that must not hold
/// it (reject reasons, logs, console output) in any of the forms it could take there.
/// </summary>
internal static class PersonalData
{
    /// <summary>NINo stems (prefix and digits): found whatever the case, spacing, hyphens or suffix.</summary>
    public static readonly string[] NinoStems = ["JX739146", "KC582047", "WP316592"];

    public static readonly string[] Surnames = ["Quuxbridge", "Zzyzxmore", "Fennimorewick"];

    public static readonly string[] Forenames = ["Ottoline", "Peregrina", "Barnabyjon"];

    /// <summary>Dates of birth; each is found as YYYY-MM-DD, DD/MM/YYYY, the invariant MM/DD/YYYY and YYYYMMDD.</summary>
    public static readonly DateOnly[] DatesOfBirth = [new(1961, 7, 23), new(1948, 11, 29), new(1973, 3, 17)];

    /// <summary>Every planted value found in <paramref name="text"/>, in a readable form; empty when there is none.</summary>
    public static IReadOnlyList<string> FoundIn(string text)
    {
        var found = new List<string>();
        // NINos: compare with spaces, hyphens and case taken out, so "jx 73-91 46 b" is found as JX739146.
        var squeezed = new string([.. text.Where(c => c is not (' ' or '-' or '\t')).Select(char.ToUpperInvariant)]);
        found.AddRange(NinoStems.Where(n => squeezed.Contains(n, StringComparison.Ordinal)).Select(n => "NINo " + n));
        found.AddRange(Surnames.Concat(Forenames).Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => "name " + n));
        foreach (var dob in DatesOfBirth)
        {
            foreach (var format in new[] { "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "yyyyMMdd" })
            {
                var shown = dob.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
                if (text.Contains(shown, StringComparison.Ordinal))
                {
                    found.Add("date of birth " + shown);
                }
            }
        }

        return found;
    }
}

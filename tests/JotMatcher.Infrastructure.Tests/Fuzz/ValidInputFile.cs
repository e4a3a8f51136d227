using System.Text;

namespace JotMatcher.Infrastructure.Tests.Fuzz;

/// <summary>
/// Generates a valid claims or HMRC file from a seeded <see cref="Random"/>: columns in random order and case,
/// sometimes an extra column, quoting where needed and sometimes where not (names with commas, quotes and line
/// breaks), LF, CR LF or mixed line endings, an optional byte-order mark and final line break, both date formats.
/// Every row of it is readable: the fuzzer's mutations are the only damage.
/// </summary>
internal static class ValidInputFile
{
    private static readonly string[] ClaimColumns =
    [
        "claim_id", "customer_id", "nino", "surname", "forenames", "date_of_birth", "sex", "postcode", "benefit",
        "employed", "lone_parent", "disabled", "has_children", "programme", "claim_start", "claim_end",
        "office_code", "district_code", "area_code",
    ];

    private static readonly string[] HmrcColumns =
    [
        "hmrc_id", "nino", "surname", "forenames", "date_of_birth", "sex", "postcode", "employer_ref",
        "employment_start", "notified_on",
    ];

    private static readonly string[] Surnames = ["Smith", "O'Neill", "Smith-Jones", "Ng", "Van Der Berg", "Brown, Jr", "\"Tiny\" Tim", "Line\nBreak", "Ólafsdóttir"];
    private static readonly string[] Forenames = ["John", "Mary Ann", "J", "Zoë", "Siân", "Bob"];
    private static readonly string[] Ninos = ["AB123456C", "ab 12 34 56 c", "AB-12-34-56-C", "", "TN010270M", "QQ123456", "ZZ999999D"];
    private static readonly string[] Postcodes = ["AB1 2CD", "e1 6an", "SW1A1AA", "", "M1"];
    private static readonly string[] Benefits = ["JSA", "IS", "IB", "ESA", "SDA", "CA", "NONE", "jsa"];
    private static readonly string[] Programmes = ["", "ND_LP", "ND_DP", "ND_50PLUS", "ND_25PLUS", "ND_YP", "EZ"];
    private static readonly string[] Flags = ["Y", "N", "", "y", "n"];
    private static readonly string[] Sexes = ["M", "F", "", "m", "f"];

    /// <summary>A file of <paramref name="rows"/> claims whose ids are <paramref name="idPrefix"/> + a number.</summary>
    public static byte[] Claims(Random random, string idPrefix, int rows)
        => Build(random, ClaimColumns, rows, (columns, n) => ClaimValues(random, columns, idPrefix + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));

    public static byte[] Hmrc(Random random, string idPrefix, int rows)
        => Build(random, HmrcColumns, rows, (columns, n) => HmrcValues(random, columns, idPrefix + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] Build(Random random, string[] known, int rows, Func<string[], int, Dictionary<string, string>> values)
    {
        var columns = known.ToArray();
        random.Shuffle(columns);
        if (random.Next(3) == 0)
        {
            var at = random.Next(columns.Length + 1);
            columns = [.. columns[..at], "notes", .. columns[at..]];
        }

        var lineEnding = random.Next(3);
        var text = new StringBuilder();
        if (random.Next(5) == 0)
        {
            text.Append('\uFEFF');
        }

        text.AppendJoin(',', columns.Select(c => HeaderName(random, c)));
        for (var n = 1; n <= rows; n++)
        {
            text.Append(LineBreak(random, lineEnding));
            var row = values(columns, n);
            text.AppendJoin(',', columns.Select(c => Field(random, row[c])));
        }

        if (random.Next(4) != 0)
        {
            text.Append(LineBreak(random, lineEnding));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Dictionary<string, string> ClaimValues(Random random, string[] columns, string id)
    {
        var start = new DateOnly(2006, 1, 1).AddDays(random.Next(700));
        var end = random.Next(4) == 0 ? (DateOnly?)null : start.AddDays(random.Next(400));
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["claim_id"] = id,
            ["customer_id"] = "P" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nino"] = Pick(random, Ninos),
            ["surname"] = Pick(random, Surnames),
            ["forenames"] = Pick(random, Forenames),
            ["date_of_birth"] = random.Next(6) == 0 ? "" : Date(random, new DateOnly(1940, 1, 1).AddDays(random.Next(20000))),
            ["sex"] = Pick(random, Sexes),
            ["postcode"] = Pick(random, Postcodes),
            ["benefit"] = Pick(random, Benefits),
            ["employed"] = Pick(random, Flags),
            ["lone_parent"] = Pick(random, Flags),
            ["disabled"] = Pick(random, Flags),
            ["has_children"] = Pick(random, Flags),
            ["programme"] = Pick(random, Programmes),
            ["claim_start"] = Date(random, start),
            ["claim_end"] = end is { } e ? Date(random, e) : "",
            ["office_code"] = "O" + random.Next(50).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["district_code"] = "D" + random.Next(9).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["area_code"] = "E0" + random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        AddNotes(random, columns, row);
        return row;
    }

    private static Dictionary<string, string> HmrcValues(Random random, string[] columns, string id)
    {
        var start = new DateOnly(2006, 1, 1).AddDays(random.Next(700));
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hmrc_id"] = id,
            ["nino"] = Pick(random, Ninos),
            ["surname"] = Pick(random, Surnames),
            ["forenames"] = Pick(random, Forenames),
            ["date_of_birth"] = random.Next(6) == 0 ? "" : Date(random, new DateOnly(1940, 1, 1).AddDays(random.Next(20000))),
            ["sex"] = Pick(random, Sexes),
            ["postcode"] = Pick(random, Postcodes),
            ["employer_ref"] = random.Next(3) == 0 ? "" : "123/AB" + random.Next(100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            ["employment_start"] = Date(random, start),
            ["notified_on"] = random.Next(3) == 0 ? "" : Date(random, start.AddDays(random.Next(180))),
        };
        AddNotes(random, columns, row);
        return row;
    }

    private static void AddNotes(Random random, string[] columns, Dictionary<string, string> row)
    {
        if (columns.Contains("notes"))
        {
            row["notes"] = random.Next(4) switch
            {
                0 => "",
                1 => "free text, with a comma",
                2 => "said \"hello\"\r\nthen left",
                _ => "=SUM(A1:A9)",
            };
        }
    }

    private static string HeaderName(Random random, string name) => random.Next(6) switch
    {
        0 => name.ToUpperInvariant(),
        1 => " " + name + " ",
        _ => name,
    };

    private static string Field(Random random, string value)
    {
        var mustQuote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (mustQuote || random.Next(10) == 0)
        {
            return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return random.Next(15) == 0 ? " " + value + " " : value;
    }

    private static string LineBreak(Random random, int style) => style switch
    {
        0 => "\n",
        1 => "\r\n",
        _ => random.Next(3) switch
        {
            0 => "\n",
            1 => "\r\n",
            _ => "\r",
        },
    };

    private static string Date(Random random, DateOnly date)
        => date.ToString(random.Next(3) == 0 ? "dd/MM/yyyy" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

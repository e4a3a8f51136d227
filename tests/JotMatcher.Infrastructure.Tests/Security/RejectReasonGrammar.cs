using System.Text.RegularExpressions;

namespace JotMatcher.Infrastructure.Tests.Security;

/// <summary>
/// Every reject reason the reader may write, as a closed grammar: a column name and a fixed problem, a pointer to
/// an earlier file and line, or a fixed sentence about the whole file. A reason outside it could carry a field's
/// value (a NINo, a name, a date of birth) into rejects.csv, a log or the console, so tests that see reasons check
/// every one against it rather than looking for particular values.
/// </summary>
internal static partial class RejectReasonGrammar
{
    private static readonly HashSet<string> Columns = new(StringComparer.Ordinal)
    {
        "claim_id", "customer_id", "nino", "surname", "forenames", "date_of_birth", "sex", "postcode", "benefit",
        "employed", "lone_parent", "disabled", "has_children", "programme", "claim_start", "claim_end",
        "office_code", "district_code", "area_code", "hmrc_id", "employer_ref", "employment_start", "notified_on",
    };

    private static readonly HashSet<string> Sentences = new(StringComparer.Ordinal)
    {
        "malformed quoting: a quote inside an unquoted field",
        "malformed quoting: text after a closing quote",
        "malformed quoting: a quote never closed; the rest of the file was read as this one row",
        "field count differs from the header",
        "malformed record",
        "empty file (0 bytes); it may still be being written — not ingested",
        "no header row — not ingested",
    };

    public static bool Allows(string reason)
    {
        if (Sentences.Contains(reason))
        {
            return true;
        }

        var field = FieldProblem().Match(reason);
        if (field.Success)
        {
            return Columns.Contains(field.Groups["column"].Value);
        }

        var missing = MissingColumns().Match(reason);
        if (missing.Success)
        {
            return missing.Groups["columns"].Value.Split(", ").All(Columns.Contains);
        }

        return Duplicate().IsMatch(reason) || HeaderQuoting().IsMatch(reason) || RunawayRecord().IsMatch(reason)
            || Unopenable().IsMatch(reason);
    }

    [GeneratedRegex(@"^(?<column>[a-z_]+): (missing|unreadable date|unreadable|invalid UTF-8|NUL byte|too long|before claim_start)$")]
    private static partial Regex FieldProblem();

    [GeneratedRegex(@"^missing required columns? (?<columns>[a-z_]+(, [a-z_]+)*)( — not ingested|; the delimiter looks like '(;|\\t|\|)', files must be comma-separated — not ingested)$")]
    private static partial Regex MissingColumns();

    /// <summary>Ids are not personal data; the pointer names the file (its name only) and line of the first occurrence.</summary>
    [GeneratedRegex(@"^(claim_id|hmrc_id): duplicate of [^/\\]+:[0-9]+$")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^header: (malformed quoting: [a-z ;]+|field count differs from the header|malformed record)( — not ingested)?$")]
    private static partial Regex HeaderQuoting();

    [GeneratedRegex(@"^a record starting near line [0-9]+ is over [0-9]+ MB \(a quote never closed\?\) — not ingested$")]
    private static partial Regex RunawayRecord();

    [GeneratedRegex(@"^could not be opened \([A-Za-z]+\); it may still be being written — not ingested$")]
    private static partial Regex Unopenable();
}

namespace JotMatcher.Core.Matching.Comparison;

/// <summary>
/// The comparison levels of each field, most specific first (a pair takes the first level it reaches), and the
/// short names that appear in evidence. <see cref="Missing"/> means a side had no value: it carries no weight.
/// </summary>
internal static class ComparisonLevels
{
    public const byte Missing = byte.MaxValue;
    public const byte Exact = 0;

    public const int FieldCount = 7;

    public static readonly string[] FieldNames = ["nino", "surname", "forenames", "date_of_birth", "postcode", "sex", "middle_names"];

    public static readonly string[][] LevelNames =
    [
        ["exact", "one_edit", "disagree"],
        ["exact", "dl1", "jw_0.92", "double_barrel", "swapped", "swapped_partial", "in_other_field", "jw_0.8", "else"],
        ["exact", "nickname", "swapped", "dl1", "jw_0.92", "initial", "nickname_typo", "jw_0.8", "other_token", "else"],
        ["exact", "day_month_swap", "one_typo", "within_month", "else"],
        ["full", "sector", "one_edit", "outward", "area", "else"],
        ["agree", "disagree"],
        ["exact", "close", "initial", "disagree"],
    ];

    public static string LevelName(MatchField field, byte level) => level == Missing ? "missing" : LevelNames[(int)field][level];

    public static class Nino
    {
        public const byte OneEdit = 1;
        public const byte Disagree = 2;
    }

    public static class Surname
    {
        public const byte Dl1 = 1;
        public const byte Jw92 = 2;
        public const byte DoubleBarrel = 3;
        public const byte Swapped = 4;

        /// <summary>
        /// Swapped, with one of the crossed pairs agreeing only partly: the forename on one side is an initial, a
        /// nickname or a typo of the name recorded as the surname on the other ("D, Walker" for Walker, Dean).
        /// </summary>
        public const byte SwappedPartial = 5;

        /// <summary>One side's surname is the other side's forename, the rest disagreeing: a half-swapped record.</summary>
        public const byte InOtherField = 6;
        public const byte Jw80 = 7;
        public const byte Else = 8;
    }

    public static class Forenames
    {
        public const byte Nickname = 1;
        public const byte Swapped = 2;
        public const byte Dl1 = 3;
        public const byte Jw92 = 4;
        public const byte Initial = 5;

        /// <summary>Within one edit of a nickname of the other ("nikik" for Nicola, through "nikki").</summary>
        public const byte NicknameTypo = 6;
        public const byte Jw80 = 7;
        public const byte OtherToken = 8;
        public const byte Else = 9;
    }

    public static class DateOfBirth
    {
        public const byte DayMonthSwap = 1;
        public const byte OneTypo = 2;
        public const byte WithinMonth = 3;
        public const byte Else = 4;
    }

    public static class Postcode
    {
        public const byte Sector = 1;

        /// <summary>One character mistyped, dropped or two swapped (the whole postcode, or the outward code when partial).</summary>
        public const byte OneEdit = 2;
        public const byte Outward = 3;

        /// <summary>The same postcode area (the outward code's letters, "HU" of HU5 8BR): most moves are local.</summary>
        public const byte Area = 4;
        public const byte Else = 5;
    }

    public static class Sex
    {
        public const byte Disagree = 1;
    }

    /// <summary>
    /// The second forename, when both sides record one and the first forenames were compared as first forenames (not
    /// swapped, not matched through a middle name): a shared middle name sets a namesake apart from the person.
    /// </summary>
    public static class MiddleNames
    {
        /// <summary>One edit apart, or Jaro-Winkler at least 0.92.</summary>
        public const byte Close = 1;

        /// <summary>One side has only the initial, and it agrees.</summary>
        public const byte Initial = 2;
        public const byte Disagree = 3;
    }
}

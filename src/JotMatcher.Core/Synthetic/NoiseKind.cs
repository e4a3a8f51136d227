namespace JotMatcher.Core.Synthetic;

/// <summary>Every kind of noise SPEC §3 says the matcher must survive, plus the reader's own cases (unreadable and rejected rows).</summary>
public enum NoiseKind : byte
{
    /// <summary>Names upper, lower or mixed case against the side's usual form.</summary>
    NameCase,
    /// <summary>Doubled or surrounding spaces in names.</summary>
    NameSpacing,
    /// <summary>NINo written lower case, spaced (<c>ab 12 34 56 c</c>) or hyphenated.</summary>
    NinoFormatting,
    NinoMissing,
    /// <summary>A temporary reference: TN + DDMMYY + M/F.</summary>
    NinoTemporary,
    /// <summary>A NINo whose prefix SPEC §3 does not allow (first letter D, prefix ZZ…).</summary>
    NinoInvalidPrefix,
    /// <summary>One character of the NINo replaced.</summary>
    NinoSubstitution,
    /// <summary>Two adjacent characters of the NINo swapped.</summary>
    NinoTransposition,
    /// <summary>The suffix letter left off (HMRC records, SPEC §3).</summary>
    NinoSuffixMissing,
    /// <summary>The other surname of a person who married (or divorced): one side has the old, the other the new.</summary>
    SurnameChange,
    /// <summary>A double-barrelled surname on one side, one part (or a spaced form) on the other.</summary>
    DoubleBarrelled,
    SurnameTypo,
    ForenameTypo,
    /// <summary>A diminutive instead of the formal name (William / Bill).</summary>
    Nickname,
    /// <summary>Initials instead of forenames.</summary>
    Initials,
    /// <summary>The middle name left off.</summary>
    MiddleNameDropped,
    /// <summary>Forenames in the surname column and the surname in the forenames column.</summary>
    NameSwap,
    /// <summary>One digit of the date of birth mistyped.</summary>
    DobTypo,
    DobDayMonthSwap,
    DobMissing,
    /// <summary>An impossible date of birth (30 February): the reader treats it as blank with a warning.</summary>
    DobUnreadable,
    /// <summary>Postcode without its space, or with extra spaces.</summary>
    PostcodeSpacing,
    PostcodeCase,
    /// <summary>Outward code only.</summary>
    PostcodePartial,
    PostcodeMissing,
    /// <summary>The person moved house between the claim and the job.</summary>
    PostcodeMoved,
    SexMissing,
    /// <summary>A household of twins: same surname, date of birth and address, different forenames and NINos.</summary>
    Twins,
    /// <summary>A household of relatives: same surname and address, sometimes the same forename, different NINos.</summary>
    Relatives,
    /// <summary>An extra junk row with a required field unreadable: the reader must reject it (never in the truth).</summary>
    RejectedRow,
}

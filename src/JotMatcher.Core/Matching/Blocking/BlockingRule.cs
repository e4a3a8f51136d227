namespace JotMatcher.Core.Matching.Blocking;

/// <summary>A profile's key for a rule (0: none), read from the profile where it lies, not from a copy.</summary>
internal delegate long ProfileKey(in IdentityProfile profile);

/// <summary>
/// A blocking rule: an HMRC record and a customer profile whose keys are equal (and non-zero) become candidates.
/// <see cref="EmploymentKeyOf"/>, when given, keys the HMRC side differently — a rule meant only for records missing a
/// field looks up every customer by the fields they still have. <see cref="KeyAloneSuffices"/> marks a key that is
/// small by nature (a postcode unit, a NINo's digits): its blocks do not grow with the population, so a pair it alone
/// finds is always worth scoring (see <see cref="MatchingSettings.SingleRuleBlockLimit"/>). <see cref="ForRecordsWithoutDateOfBirth"/>
/// marks a rule that only HMRC records lacking a date of birth use: fewer rules can find such a record at all, so a pair
/// one of these rules alone finds has the larger <see cref="MatchingSettings.SingleRuleBlockLimitWithoutDateOfBirth"/>.
/// </summary>
internal sealed record BlockingRule(string Name, ProfileKey CustomerKeyOf, ProfileKey? EmploymentKeyOf = null,
    bool KeyAloneSuffices = false, bool ForRecordsWithoutDateOfBirth = false)
{
    public long EmploymentKey(in IdentityProfile employment) => (EmploymentKeyOf ?? CustomerKeyOf)(employment);

    /// <summary>The largest block from which a pair this rule alone finds is still scored.</summary>
    public int SingleRuleBlockLimit(MatchingSettings settings)
        => KeyAloneSuffices ? int.MaxValue
            : ForRecordsWithoutDateOfBirth ? settings.SingleRuleBlockLimitWithoutDateOfBirth : settings.SingleRuleBlockLimit;
}

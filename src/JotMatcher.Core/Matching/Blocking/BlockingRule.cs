namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// A blocking rule: an HMRC record and a customer profile whose keys are equal (and non-zero) become candidates.
/// <see cref="EmploymentKeyOf"/>, when given, keys the HMRC side differently — a rule meant only for records missing a
/// field looks up every customer by the fields they still have. <see cref="KeyAloneSuffices"/> marks a key that is
/// small by nature (a postcode unit, a NINo's digits): its blocks do not grow with the population, so a pair it alone
/// finds is always worth scoring (see <see cref="MatchingSettings.SingleRuleBlockLimit"/>).
/// </summary>
internal sealed record BlockingRule(string Name, Func<IdentityProfile, long> CustomerKeyOf, Func<IdentityProfile, long>? EmploymentKeyOf = null,
    bool KeyAloneSuffices = false)
{
    public long EmploymentKey(IdentityProfile employment) => (EmploymentKeyOf ?? CustomerKeyOf)(employment);
}

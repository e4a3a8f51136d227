namespace JotMatcher.Core.Matching.Blocking;

/// <summary>
/// A blocking rule: an HMRC record and a customer profile whose keys are equal (and non-zero) become candidates.
/// <see cref="EmploymentKeyOf"/>, when given, keys the HMRC side differently — a rule meant only for records missing a
/// field looks up every customer by the fields they still have.
/// </summary>
internal sealed record BlockingRule(string Name, Func<IdentityProfile, long> CustomerKeyOf, Func<IdentityProfile, long>? EmploymentKeyOf = null)
{
    public long EmploymentKey(IdentityProfile employment) => (EmploymentKeyOf ?? CustomerKeyOf)(employment);
}

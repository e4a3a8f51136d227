using JotMatcher.Core.Matching;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host;

/// <summary>
/// Start-up checks of configuration, so a bad value stops the program before it reads a file, with a message that
/// names the setting (values are not personal data, but only the setting's name is needed).
/// </summary>
internal sealed class MatchingSettingsValidation : IValidateOptions<MatchingSettings>
{
    public ValidateOptionsResult Validate(string? name, MatchingSettings options)
    {
        var failures = new List<string>();
        if (options.AcceptThreshold is <= 0 or > 1)
        {
            failures.Add("Jot:Matching:AcceptThreshold must be in (0, 1].");
        }

        if (options.ReviewThreshold <= 0 || options.ReviewThreshold > options.AcceptThreshold)
        {
            failures.Add("Jot:Matching:ReviewThreshold must be above 0 and not above AcceptThreshold.");
        }

        if (options.NearTieMarginBits < 0)
        {
            failures.Add("Jot:Matching:NearTieMarginBits must not be negative.");
        }

        if (options.RandomPairSamples < 1000)
        {
            failures.Add("Jot:Matching:RandomPairSamples must be at least 1000.");
        }

        if (options.MaxBlockSize < 2)
        {
            failures.Add("Jot:Matching:MaxBlockSize must be at least 2.");
        }

        if (options.SingleRuleBlockLimit < 0 || options.SingleRuleBlockLimitWithoutDateOfBirth < 0)
        {
            failures.Add("Jot:Matching:SingleRuleBlockLimit and SingleRuleBlockLimitWithoutDateOfBirth must not be negative.");
        }

        if (options.MaxParallelism < 0)
        {
            failures.Add("Jot:Matching:MaxParallelism must not be negative (0 means all processors).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class JotOptionsValidation : IValidateOptions<JotOptions>
{
    public ValidateOptionsResult Validate(string? name, JotOptions options)
        => string.IsNullOrWhiteSpace(options.DataFolder)
            ? ValidateOptionsResult.Fail("Jot:DataFolder must not be empty.")
            : ValidateOptionsResult.Success;
}

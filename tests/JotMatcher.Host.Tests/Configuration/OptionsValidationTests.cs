using JotMatcher.Host;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Test]
    public void The_default_configuration_is_valid()
    {
        using var host = JotHost.Build();
        Assert.That(host.Services, Is.Not.Null);
    }

    [TestCase("Jot:Matching:AcceptThreshold", "1.5")]
    [TestCase("Jot:Matching:ReviewThreshold", "0.99")]
    [TestCase("Jot:Matching:ReviewThreshold", "0")]
    [TestCase("Jot:Matching:NearTieMarginBits", "-1")]
    [TestCase("Jot:Matching:MaxParallelism", "-2")]
    [TestCase("Jot:DataFolder", " ")]
    public void A_bad_setting_stops_the_program_at_start_up_naming_the_setting(string key, string value)
    {
        var e = Assert.Throws<OptionsValidationException>(() => JotHost.Build(new Dictionary<string, string?> { [key] = value }));
        Assert.That(string.Join(" ", e!.Failures), Does.Contain(key.Split(':')[^1]));
    }
}

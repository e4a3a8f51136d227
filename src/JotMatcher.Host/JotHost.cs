using JotMatcher.Core.Matching;
using JotMatcher.Host.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace JotMatcher.Host;

/// <summary>
/// The generic host every command runs in: configuration from <c>appsettings.json</c> beside the program and the
/// environment, logging to standard error (standard output is the command's own output), options validated before
/// any work starts.
/// </summary>
internal static class JotHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        AddJotServices(builder.Services, builder.Configuration);
        var host = builder.Build();

        // Fail before any work: ValidateOnStart normally waits for IHost.StartAsync, which commands other than the
        // worker never call.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    /// <summary>Every service and option of the program, in one place.</summary>
    public static void AddJotServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JotOptions>().Bind(configuration.GetSection(JotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JotOptions>, JotOptionsValidation>();
        services.AddOptions<MatchingSettings>().Bind(configuration.GetSection("Jot:Matching")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchingSettings>, MatchingSettingsValidation>();

        services.AddSingleton<ReplayService>();
    }
}

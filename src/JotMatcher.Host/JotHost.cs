using JotMatcher.Core.Matching;
using JotMatcher.Host.Replay;
using JotMatcher.Host.Reporting;
using JotMatcher.Host.Runs;
using JotMatcher.Host.Storage;
using JotMatcher.Host.Worker;
using JotMatcher.Infrastructure.Postgres.Embedded;
using JotMatcher.Infrastructure.Resilience;
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
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(static i => i is OptionsValidationException))
        {
            // Options that depend on others (the embedded cluster's folder on Jot:DataFolder) report a shared
            // failure more than once; one exception listing each failure once is what a person needs to read.
            host.Dispose();
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(static i => i.Failures).Distinct(StringComparer.Ordinal).ToArray();
            throw new OptionsValidationException(Options.DefaultName, typeof(JotOptions), failures);
        }

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

        // Storage (issue 4): the database, runs, reports and the scheduled worker.
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(JotOptions.Section));
        services.AddOptions<EmbeddedClusterOptions>().Bind(configuration.GetSection(EmbeddedClusterOptions.SectionName)).ValidateOnStart()
            .PostConfigure<IOptions<JotOptions>>(static (embedded, jot) => embedded.DataFolder ??= Path.Combine(jot.Value.DataFolder, "pg"));
        services.AddSingleton<IValidateOptions<EmbeddedClusterOptions>, EmbeddedClusterOptionsValidation>();
        services.AddOptions<DatabaseRetryOptions>().Bind(configuration.GetSection(DatabaseRetryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseRetryOptions>, DatabaseRetryOptionsValidation>();
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidation>();
        services.AddSingleton<DatabaseOpener>();
        services.AddSingleton<RunService>();
        services.AddSingleton<ReportService>();
        services.AddHostedService<ScheduledRunWorker>();
    }
}

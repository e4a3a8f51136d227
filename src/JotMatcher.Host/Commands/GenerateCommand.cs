using System.CommandLine;
using System.Globalization;
using JotMatcher.Core.RuleSets;
using JotMatcher.Core.Synthetic;
using JotMatcher.Infrastructure.Synthetic;

namespace JotMatcher.Host.Commands;

/// <summary>
/// <c>jot generate --people N --seed S --out DIR [--noise-scale X] [--legacy-format] [--as-of YYYY-MM-DD]</c>:
/// a seeded synthetic dataset in SPEC §2 form with its truth (SPEC §5), for measuring matching and scale.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var people = new Option<int>("--people") { Description = "People in the population (about 1.2 spells and 1 HMRC row each).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed and options give the same bytes.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to create (must not exist, or be empty).", Required = true };
        var noiseScale = new Option<double>("--noise-scale")
        {
            Description = "Multiplies every noise rate (2 = every rate doubled, 0 = clean).",
            DefaultValueFactory = _ => 1.0,
        };
        var legacy = new Option<bool>("--legacy-format")
        {
            Description = "Write the legacy extract layout: upper-case headers in another order, extra quoted columns, DD/MM/YYYY dates.",
        };
        var asOf = new Option<string>("--as-of")
        {
            Description = "The data's as-of date (default 2008-04-30); an earlier one leaves more sustainment premiums pending.",
        };
        var command = new Command("generate", "Generate a seeded synthetic dataset with a truth file (truth.csv, truth-outcomes.csv).")
        {
            people, seed, output, noiseScale, legacy, asOf,
        };
        command.SetAction(parse =>
        {
            var asOfDate = SyntheticOptions.DefaultAsOf;
            if (parse.GetValue(asOf) is { } text
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOfDate))
            {
                Console.Error.WriteLine("jot generate: --as-of must be a date YYYY-MM-DD");
                return ExitCodes.BadUsage;
            }

            var options = new SyntheticOptions
            {
                People = parse.GetValue(people),
                Seed = parse.GetValue(seed),
                NoiseScale = parse.GetValue(noiseScale),
                AsOf = asOfDate,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                Console.Error.WriteLine($"jot generate: {FirstLine(e.Message)}");
                return ExitCodes.BadUsage;
            }

            var target = parse.GetRequiredValue(output);
            if (target.Exists && target.EnumerateFileSystemInfos().Any())
            {
                Console.Error.WriteLine($"jot generate: output folder is not empty: {target.FullName}");
                return ExitCodes.BadUsage;
            }

            using var host = JotHost.Build();
            var generator = new SyntheticGenerator(options, RuleSetCatalog.LoadBundled());
            var summary = SyntheticDatasetWriter.Write(generator, target.FullName, parse.GetValue(legacy));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generate: {options.People} people, {summary.Customers} customers, {summary.ClaimRows} claims rows, " +
                $"{summary.HmrcRows} HMRC rows, {summary.TruePairs} true pairs, {summary.TrueOutcomes} true outcomes, " +
                $"{summary.IntendedRejects} rows meant to be rejected -> {target.FullName}"));
            return ExitCodes.Success;
        });
        return command;
    }

    // ArgumentOutOfRangeException appends "(Parameter ...)" and the actual value on later lines.
    private static string FirstLine(string message) => message.Split('\n')[0].Split(" (Parameter", StringSplitOptions.None)[0];
}

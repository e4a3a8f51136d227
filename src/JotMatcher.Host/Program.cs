using System.CommandLine;
using JotMatcher.Host;
using JotMatcher.Host.Commands;
using Microsoft.Extensions.Options;

try
{
    // The default handler prints the exception with its message; messages can quote input values, so we handle it.
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
    return await JotCommandLine.Create().Parse(args).InvokeAsync(invocation);
}
catch (OptionsValidationException e)
{
    // Option failures name settings, never data.
    Console.Error.WriteLine($"jot: configuration is not valid: {string.Join(" ", e.Failures)}");
    return ExitCodes.BadUsage;
}
catch (Exception e)
{
    // Only the exception's type: a message could quote an input value, and inputs carry personal data.
    Console.Error.WriteLine($"jot: the run stopped ({e.GetType().Name}); nothing half-written remains. See docs/operations.md.");
    return ExitCodes.Failure;
}

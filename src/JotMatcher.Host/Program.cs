using JotMatcher.Host.Commands;

return await JotCommandLine.Create().Parse(args).InvokeAsync();

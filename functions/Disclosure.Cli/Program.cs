using Disclosure.Cli;

return await CliApp.RunAsync(args);

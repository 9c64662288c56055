using System.CommandLine;
using Disclosure.Cli.Commands;
using Disclosure.Pipeline;

namespace Disclosure.Cli;

/// <summary>Composition of the `disclosure` command: each subcommand lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("disclosure — 政府信息公开工作年度报告 audit: check reports, run the local host, sweep a year.");
        root.Subcommands.Add(CheckCommand.Create(() => DisclosureComposition.CreateEngine()));
        root.Subcommands.Add(BenchCommand.Create(() => DisclosureComposition.CreateEngine()));
        root.Subcommands.Add(Commands.ServeCommand.Create());
        root.Subcommands.Add(Commands.ResultsCommand.Create());
        root.Subcommands.Add(Commands.AlertsCommand.Create());
        root.Subcommands.Add(Commands.BenchPipelineCommand.Create());
        root.Subcommands.Add(Commands.SweepCommand.Create());
        root.Subcommands.Add(Commands.RegistryCommand.Create());
        var parsed = root.Parse(args);
        try
        {
            // Our own handler below, so that an unreachable service or a bad setting is one line, not a stack trace.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Output.ServiceErrors.BadSettings(ex) is { Count: > 0 } bad)
        {
            foreach (var line in bad)
            {
                await Console.Error.WriteLineAsync("disclosure: " + Output.TerminalText.Clean(line));
            }

            return Output.ServiceErrors.BadSettingExitCode;
        }
        catch (Exception ex) when (Output.ServiceErrors.Describe(ex, Disclosure.Pipeline.Hosting.LocalHost.Configuration()) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return Output.ServiceErrors.ExitCode;
        }
    }
}

using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Cli.Commands;

/// <summary>
/// Services for the sweep and registry commands: the local host's composition plus the sweep, no schedule. Errors only:
/// the commands print their own outcome, and every alert is already stored and published.
/// </summary>
internal static class SweepCliServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? overrides = null, LogLevel level = LogLevel.Error)
    {
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>()) { [SettingNames.SweepSchedule.Replace("__", ":", StringComparison.Ordinal)] = "off" };
        var configuration = LocalHost.Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(level));
        services.AddLocalPipeline(configuration);
        services.AddDisclosureSweep(configuration);
        return services.BuildServiceProvider();
    }
}

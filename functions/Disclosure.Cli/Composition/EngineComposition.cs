using Disclosure.Core.Engine;
using Disclosure.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Composition;

/// <summary>
/// The engine of `disclosure check` and `bench`: the hosts' engine (DisclosureComposition.CreateEngine), configured from
/// environment variables when no configuration is given.
/// </summary>
public static class EngineComposition
{
    public static ReportEngine CreateEngine(ReadLimits? limits = null, IConfiguration? configuration = null) =>
        DisclosureComposition.CreateEngine(limits ?? new ReadLimits(), configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build());
}

using Disclosure.Core.Engine;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Composition;

/// <summary>
/// The engine of `disclosure check` and `bench`: the hosts' engine (DisclosureComposition.CreateEngine), configured from
/// environment variables when no configuration is given.
/// </summary>
public static class EngineComposition
{
    public static ReportEngine CreateEngine(ReadLimits? limits = null, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return DisclosureComposition.CreateEngine(limits ?? EngineSettings.Limits(configuration, new ReadLimits().MaxBytes), configuration);
    }
}

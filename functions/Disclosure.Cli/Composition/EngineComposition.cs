using Disclosure.Core.Engine;

namespace Disclosure.Cli.Composition;

/// <summary>Builds the engine the command line uses: every available reader with the default limits.</summary>
public static class EngineComposition
{
    public static ReportEngine CreateEngine(ReadLimits? limits = null)
    {
        limits ??= new ReadLimits();
        return new ReportEngine(Disclosure.Readers.ReaderRegistry.CreateDefault(limits), limits);
    }
}

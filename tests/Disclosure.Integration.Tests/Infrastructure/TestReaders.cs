using Disclosure.Cli.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>The engine the pipeline runs with in these tests: exactly the local host's (and `disclosure check`'s).</summary>
internal static class TestReaders
{
    public static void Register(IServiceCollection services, IConfiguration configuration) => services.AddEngine(configuration);
}

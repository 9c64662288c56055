using Disclosure.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>The document readers the pipeline runs with in these tests: exactly the local host's.</summary>
internal static class TestReaders
{
    public static void Register(IServiceCollection services) => services.AddReaders();
}

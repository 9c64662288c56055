using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Disclosure.Core.Engine;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>
/// The pipeline composed as every host composes it (AddDisclosureServices), against the fixture's emulators, with
/// a fresh Cosmos database and blob container per test, and the polling host started on demand.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly ConcurrentBag<ProcessingOutcome> _outcomes = [];
    private BlobPollingService? _host;

    public PipelineHarness(EmulatorFixture emulators, string name, IDictionary<string, string?>? settings = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Database = $"{name}-{suffix}";
        var config = emulators.Configuration(Database, $"reports-{suffix}", settings);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FileLoggerProvider(Path.Combine(emulators.ArtifactsDirectory, $"{name}-{suffix}.log"))));
        services.AddDisclosureServices(config);
        services.AddSingleton<BlobPollingService>();
        _provider = services.BuildServiceProvider();
    }

    public string Database { get; }

    public BlobContainerClient Container => _provider.GetRequiredService<BlobContainerClient>();

    public ReportEngine Engine => _provider.GetRequiredService<ReportEngine>();

    public IResultStore Results => _provider.GetRequiredService<IResultStore>();

    public IAlertStore Alerts => _provider.GetRequiredService<IAlertStore>();

    public IReceiptStore Receipts => _provider.GetRequiredService<IReceiptStore>();

    public ReportProcessingService Processor => _provider.GetRequiredService<ReportProcessingService>();

    public CosmosBootstrap Cosmos => _provider.GetRequiredService<CosmosBootstrap>();

    public Disclosure.Pipeline.YearOverYear.CrossYearStep CrossYear => _provider.GetRequiredService<Disclosure.Pipeline.YearOverYear.CrossYearStep>();

    public IReadOnlyCollection<ProcessingOutcome> Outcomes => _outcomes;

    public async Task InitializeAsync()
    {
        await Container.CreateIfNotExistsAsync();
        await Cosmos.EnsureCreatedAsync();
    }

    public async Task StartHostAsync()
    {
        _host = _provider.GetRequiredService<BlobPollingService>();
        _host.Handled += _outcomes.Add;
        await _host.StartAsync(CancellationToken.None);
    }

    /// <summary>The poller's ETag cache size (0 before the host starts).</summary>
    public int CachedBlobs => _host?.CachedCount ?? 0;

    /// <summary>Blobs the poller has queued or is processing (0 before the host starts).</summary>
    public int InFlightBlobs => _host?.InFlightCount ?? 0;

    public async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every stored result document across the year partitions.</summary>
    public async Task<List<JsonObject>> AllResultsAsync()
    {
        var all = new List<JsonObject>();
        foreach (var pk in await Results.YearsAsync(DateTimeOffset.UtcNow, CancellationToken.None))
        {
            all.AddRange(await Results.ListAsync(pk, CancellationToken.None));
        }

        return all;
    }

    public async Task<IReadOnlyList<AlertDocument>> AllAlertsAsync() =>
        await Alerts.ListAsync(await Results.YearsAsync(DateTimeOffset.UtcNow, CancellationToken.None), null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        try
        {
            await Cosmos.Database.DeleteAsync();
        }
        catch (Exception)
        {
            // Best effort: the emulator is discarded at the end of the run anyway.
        }

        await _provider.DisposeAsync();
    }
}

/// <summary>Writes logs to a file under .artifacts/ so a failing run can be read afterwards.</summary>
internal sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() => _writer.Dispose();

    private void Write(string line)
    {
        lock (_writer)
        {
            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}");
    }
}

using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Tests.Sweep;

/// <summary>The local schedule on a fake clock: nothing before the occurrence, one sweep of the previous year at it.</summary>
public sealed class SweepSchedulerTests
{
    [Fact]
    public async Task Runs_the_previous_year_at_the_scheduled_time_only()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 31, 16, 0, 0, TimeSpan.Zero));
        var scenario = SweepScenario.Generate(40);
        var ports = new InMemoryPorts(scenario);
        var options = new SweepOptions();
        var runner = new SweepRunner(ports, ports, ports, ports, ports, ports, options.Deadlines, time, NullLogger<SweepRunner>.Instance);
        using var scheduler = new SweepScheduler(runner, options, time, NullLogger<SweepScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);

        await Task.Delay(200); // let the scheduler compute its next occurrence and start waiting
        time.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.Empty(ports.Saved);

        time.Advance(TimeSpan.FromMinutes(1)); // 2024-01-31T17:00Z = 01:00 on 1 February, Beijing time
        await WaitUntil(() => ports.Saved.Count == 1);
        Assert.Equal(2023, ports.Saved[0].Summary.Year);
        Assert.Equal(scenario.Planted[Disclosure.Core.Contract.FindingCodes.MissingReport], ports.Saved[0].Summary.Flagged[Disclosure.Core.Contract.FindingCodes.MissingReport]);

        await scheduler.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }

    /// <summary>In-memory ports: the unit test exercises the schedule, not storage (storage is covered on the emulators).</summary>
    private sealed class InMemoryPorts(SweepScenario scenario) : IRegistryStore, ISweepReportSource, ISweepStore, ISweepLock, ISweepOutput, ISweepAlertSink
    {
        public List<SweepRecord> Saved { get; } = [];

        public Task<RegistryReplaceResult> ReplaceAsync(int year, IReadOnlyList<Agency> agencies, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Agency>> LoadAsync(int year, CancellationToken cancellationToken = default) =>
            Task.FromResult(year == scenario.Year ? scenario.Registry : (IReadOnlyList<Agency>)[]);

        public Task<IReadOnlyList<StoredReportSummary>> LoadYearAsync(int year, CancellationToken cancellationToken = default) =>
            Task.FromResult(year == scenario.Year ? scenario.ThisYear : year == scenario.Year - 1 ? scenario.LastYear : (IReadOnlyList<StoredReportSummary>)[]);

        public Task SaveAsync(SweepRecord record, CancellationToken cancellationToken = default)
        {
            lock (Saved)
            {
                Saved.Add(record);
            }

            return Task.CompletedTask;
        }

        public Task<SweepRecord?> GetAsync(int year, CancellationToken cancellationToken = default) => Task.FromResult(Saved.LastOrDefault(r => r.Summary.Year == year));

        public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken = default) => Task.FromResult<IAsyncDisposable?>(new Released());

        public Task<IReadOnlyList<string>> WriteAsync(int year, IReadOnlyList<SweepFile> files, CancellationToken cancellationToken = default) =>
            Task.FromResult((IReadOnlyList<string>)files.Select(f => $"memory://{year}/{f.Name}").ToList());

        public Task<int> RaiseAsync(IReadOnlyList<SweepAlert> alerts, CancellationToken cancellationToken = default) => Task.FromResult(alerts.Count);

        public Task<int> ResolveStaleAsync(int year, IReadOnlySet<string> current, CancellationToken cancellationToken = default) => Task.FromResult(0);

        private sealed class Released : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

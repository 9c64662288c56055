using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>
/// Starts Azurite (blob + queue, in memory) and @vercel/cosmosdb-server on free ports for the test run and stops them
/// after. Use through <c>[Collection(EmulatorFixture.Collection)]</c>. The emulators come from node_modules/.bin at the
/// repository root (scripts/setup.sh installs them); when missing, every test of the collection fails with that message.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Collection = "emulators";

    /// <summary>The emulator's well-known key; @vercel/cosmosdb-server accepts any key, the SDK needs a valid base64 one.</summary>
    public const string CosmosKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private Process? _azurite;
    private Process? _cosmos;

    public string RepoRoot { get; } = FindRepoRoot();

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int CosmosPort { get; private set; }

    /// <summary>Full-form connection string to Azurite (the tests also cover UseDevelopmentStorage=true elsewhere).</summary>
    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    public string CosmosEndpoint => $"https://127.0.0.1:{CosmosPort}/";

    /// <summary>Process id of the Cosmos emulator (node), for SIGSTOP/SIGCONT outage tests.</summary>
    public int CosmosProcessId => _cosmos?.Id ?? throw new InvalidOperationException("Cosmos emulator not started");

    public string ArtifactsDirectory => Path.Combine(RepoRoot, ".artifacts", "test-emulators");

    /// <summary>Shared data (seeds, gold, spec) beside the repository.</summary>
    public string SharedDirectory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public async Task InitializeAsync()
    {
        var bin = Path.Combine(RepoRoot, "node_modules", ".bin");
        foreach (var tool in new[] { "azurite", "cosmosdb-server" })
        {
            if (!File.Exists(Path.Combine(bin, tool)))
            {
                throw new InvalidOperationException(
                    $"Emulator '{tool}' not found in {bin}. Run scripts/setup.sh (npm ci installs the pinned azurite and @vercel/cosmosdb-server).");
            }
        }

        Directory.CreateDirectory(ArtifactsDirectory);
        BlobPort = FreePort();
        QueuePort = FreePort();
        CosmosPort = FreePort();

        // API version check stays on: the code pins BlobClientOptions.ServiceVersion to one Azurite 3.37 serves.
        _azurite = Start(Path.Combine(bin, "azurite"),
            ["--silent", "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
             "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(), "--tableHost", "127.0.0.1", "--tablePort", "0"],
            "azurite");
        // Through the project's launcher: the same server with HTTP keep-alive (its own CLI closes every connection).
        _cosmos = Start("node", [Path.Combine(RepoRoot, "scripts", "cosmos-emulator.js"), "--host", "127.0.0.1", "-p", CosmosPort.ToString()], "cosmos");

        await WaitForPortAsync(BlobPort, "azurite");
        await WaitForPortAsync(QueuePort, "azurite");
        await WaitForPortAsync(CosmosPort, "cosmos");
    }

    /// <summary>Settings for the pipeline pointing at these emulators; each test passes its own database/container names.</summary>
    public IConfiguration Configuration(string database, string container, IDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ReportsStorage"] = StorageConnectionString,
            ["Reports__Container"] = container,
            ["Cosmos__Endpoint"] = CosmosEndpoint,
            ["Cosmos__Key"] = CosmosKey,
            ["Cosmos__Database"] = database,
        };
        if (extra is not null)
        {
            foreach (var (k, v) in extra)
            {
                values[k] = v;
            }
        }

        // Setting names use '__' (Functions convention); IConfiguration sections use ':'.
        return new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => kv.Value))
            .Build();
    }

    /// <summary>Freezes the Cosmos emulator (SIGSTOP) so it accepts connections but answers nothing; data stays in memory.</summary>
    public void SuspendCosmos() => Signal("STOP");

    public void ResumeCosmos() => Signal("CONT");

    public Task DisposeAsync()
    {
        foreach (var p in new[] { _cosmos, _azurite })
        {
            if (p is { HasExited: false })
            {
                try
                {
                    Signal("CONT", p.Id);
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(5000);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            p?.Dispose();
        }

        return Task.CompletedTask;
    }

    public static string FindRepoRoot() => Disclosure.Tests.Support.RepoPaths.Root;

    private void Signal(string signal, int? pid = null)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid ?? CosmosProcessId}") { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0 && pid is null)
        {
            throw new InvalidOperationException($"kill -{signal} failed for the Cosmos emulator");
        }
    }

    private Process Start(string file, string[] args, string name)
    {
        var log = Path.Combine(ArtifactsDirectory, $"{name}-{Environment.ProcessId}.log");
        var psi = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var writer = new StreamWriter(log, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForPortAsync(int port, string name)
    {
        // A readiness wait, not a measurement: node needs well over a minute to start on a loaded 2-core machine.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"{name} did not open port {port} within {StartTimeout.TotalSeconds:0} s; see logs in {ArtifactsDirectory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(EmulatorFixture.Collection)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>;

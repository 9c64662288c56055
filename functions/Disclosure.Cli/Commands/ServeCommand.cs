using System.CommandLine;
using Azure.Storage.Blobs;
using Disclosure.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Cli.Commands;

/// <summary>`disclosure serve`: the local host. Watches the reports container, processes, stores, alerts; Ctrl+C stops it.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var upload = new Option<FileInfo[]>("--upload")
        {
            Description = "Files to upload into the reports container once the host is up (blob name = file name)",
            AllowMultipleArgumentsPerToken = true,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log every processed report" };
        var command = new Command("serve", "Run the local host: poll the reports container (Azurite), process new or changed reports into Cosmos, raise alerts")
        {
            upload,
            verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = LocalHost.Configuration();
            using var host = LocalHost.BuildServeHost(configuration, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            await host.StartAsync(ct);
            Console.Error.WriteLine("disclosure serve: watching the reports container; Ctrl+C to stop.");
            var files = parse.GetValue(upload) ?? [];
            if (files.Length > 0)
            {
                var container = host.Services.GetRequiredService<BlobContainerClient>();
                await container.CreateIfNotExistsAsync(cancellationToken: ct);
                foreach (var file in files)
                {
                    await using var stream = file.OpenRead();
                    await container.GetBlobClient(file.Name).UploadAsync(stream, overwrite: true, ct);
                    Console.Error.WriteLine($"uploaded {file.Name}");
                }
            }

            try
            {
                await host.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop below.
            }

            await host.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Disclosure.Tests.Infra;

/// <summary>
/// scripts/send-blob-event.sh, the by-hand Event Grid event for `func start`: it posts what the postdeploy hook's
/// subscription delivers in Azure (BlobCreated, subject under /blobServices/default/containers/reports/) to the blob
/// trigger's webhook. Checked against a local listener standing in for the Functions host.
/// </summary>
public sealed class SendBlobEventScriptTests
{
    [Fact]
    public async Task Posts_a_blob_created_event_for_the_azurite_blob_to_the_blob_trigger_webhook()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var request = (Url: context.Request.RawUrl, EventType: context.Request.Headers["aeg-event-type"], context.Request.ContentType, Body: body);
            context.Response.StatusCode = 202;
            context.Response.Close();
            return request;
        });

        var (code, output) = Run(["2024/某区人民政府.txt"], new() { ["FUNCTIONS_HOST"] = $"http://127.0.0.1:{port}", ["AZURITE_BLOB_PORT"] = "10123" });
        Assert.True(code == 0, output);
        Assert.Contains("HTTP 202", output, StringComparison.Ordinal);

        var request = await received.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("/runtime/webhooks/blobs?functionName=Host.Functions.ProcessReport", request.Url);
        Assert.Equal("Notification", request.EventType);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var e = Assert.Single(JsonNode.Parse(request.Body)!.AsArray())!;
        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)e["eventType"]);
        Assert.Equal("/blobServices/default/containers/reports/blobs/2024/某区人民政府.txt", (string?)e["subject"]);
        var url = new Uri((string)e["data"]!["url"]!);
        Assert.Equal("http://127.0.0.1:10123/devstoreaccount1/reports/2024/某区人民政府.txt", Uri.UnescapeDataString(url.AbsoluteUri));
        Assert.All(new[] { "id", "eventTime", "dataVersion", "metadataVersion" }, k => Assert.NotNull(e[k]));

        // The same function and event type the postdeploy hook subscribes in Azure.
        var hook = InfraFiles.Read("infra", "hooks", "postdeploy.sh");
        Assert.Contains("Microsoft.Storage.BlobCreated", hook);
        Assert.Contains("functionName=Host.Functions.", hook);
    }

    [Fact]
    public void Refuses_to_run_without_a_blob_name()
    {
        var (code, output) = Run([], []);
        Assert.Equal(2, code);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Run(string[] args, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(InfraFiles.Root, "scripts", "send-blob-event.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>A tiny Kestrel HTTPS endpoint with a self-signed certificate that records what Event Grid clients post.</summary>
public sealed class HttpsEventListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsEventListener(WebApplication app) => _app = app;

    public ConcurrentQueue<(Dictionary<string, string> Headers, string ContentType, JsonNode Body)> Received { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Settings that make the pipeline publish alerts to this listener (as an Event Grid topic with a key).</summary>
    public Dictionary<string, string?> TopicSettings() => new()
    {
        ["Alerts__TopicEndpoint"] = Endpoint.ToString(),
        ["Alerts__TopicKey"] = "local-test-key",
    };

    public static async Task<HttpsEventListener> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var listener = new HttpsEventListener(app);
        app.MapPost("/api/events", async (HttpContext ctx) =>
        {
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            listener.Received.Enqueue((ctx.Request.Headers.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase), ctx.Request.ContentType ?? "", body!));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Endpoint = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/api/events");
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}

using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Ocr.DocumentIntelligence;

/// <summary>Client options: Azure.Core retries 429 and transient 5xx with exponential back-off and honours Retry-After.</summary>
public sealed class DocumentIntelligenceClientOptions : ClientOptions
{
    public DocumentIntelligenceClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }
}

/// <summary>
/// Typed client for Azure AI Document Intelligence <c>prebuilt-layout</c> (REST 2024-11-30) on Azure.Core's HttpPipeline:
/// POST the document (base64Source JSON), 202 + Operation-Location, poll honouring Retry-After, map the AnalyzeResult.
/// </summary>
public sealed partial class DocumentIntelligenceClient : ILayoutAnalyzer
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly HttpPipeline _pipeline;
    private readonly DocumentIntelligenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DocumentIntelligenceClient(HttpPipeline pipeline, DocumentIntelligenceOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _pipeline = pipeline;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Key authentication when a key is configured, otherwise Entra ID through <paramref name="credential"/>.</summary>
    public static DocumentIntelligenceClient Create(DocumentIntelligenceOptions options, TokenCredential? credential = null,
        HttpPipelineTransport? transport = null, ILoggerFactory? loggerFactory = null, DocumentIntelligenceClientOptions? clientOptions = null)
    {
        if (options.Endpoint is null)
        {
            throw new InvalidOperationException("DocumentIntelligence__Endpoint is required when Ocr__Engine=documentintelligence");
        }

        clientOptions ??= new DocumentIntelligenceClientOptions();
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy auth = options.Key is { Length: > 0 } key
            ? new SubscriptionKeyPolicy(new AzureKeyCredential(key))
            : new BearerTokenAuthenticationPolicy(credential ?? throw new InvalidOperationException(
                "DocumentIntelligence__Key is not set and no TokenCredential is registered for Entra ID"), Scope);
        var pipeline = HttpPipelineBuilder.Build(clientOptions, auth);
        return new DocumentIntelligenceClient(pipeline, options, null, loggerFactory?.CreateLogger<DocumentIntelligenceClient>());
    }

    public async Task<ReadOutcome> AnalyzeAsync(ReadOnlyMemory<byte> document, SourceFormat format, CancellationToken cancellationToken)
    {
        // The budget runs on the injected clock, like the polls, so a test's fake time drives both.
        using var budget = new CancellationTokenSource(_options.AnalysisTimeout, _time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await AnalyzeCoreAsync(document, format, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReadOutcome.Fail(FailureCodes.Timeout, $"Document Intelligence 分析超时（no result within {_options.AnalysisTimeout.TotalSeconds:0} s）");
        }
        catch (RequestFailedException ex)
        {
            return ReadOutcome.Fail(FailureCodes.EngineError, $"Document Intelligence 请求失败：{ex.Status} {ex.ErrorCode} {ex.Message}");
        }
    }

    private async Task<ReadOutcome> AnalyzeCoreAsync(ReadOnlyMemory<byte> document, SourceFormat format, CancellationToken ct)
    {
        var endpoint = _options.Endpoint!.AbsoluteUri.TrimEnd('/');
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri($"{endpoint}/documentintelligence/documentModels/{_options.ModelId}:analyze?api-version={_options.ApiVersion}&stringIndexType=utf16CodeUnit"));
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        using (var body = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                writer.WriteBase64String("base64Source", document.Span);
                writer.WriteEndObject();
            }

            request.Content = RequestContent.Create(body.ToArray());
        }

        await _pipeline.SendAsync(message, ct).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 202)
        {
            return Failure(response, "提交分析");
        }

        if (!response.Headers.TryGetValue("Operation-Location", out var operation) || operation is null)
        {
            return ReadOutcome.Fail(FailureCodes.EngineError, "Document Intelligence 未返回 Operation-Location（no Operation-Location header）");
        }

        var wait = RetryAfter(response, _time.GetUtcNow()) ?? _options.DefaultPollInterval;
        while (true)
        {
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            using var poll = _pipeline.CreateMessage();
            poll.Request.Method = RequestMethod.Get;
            poll.Request.Uri.Reset(new Uri(operation));
            poll.Request.Headers.Add("Accept", "application/json");
            await _pipeline.SendAsync(poll, ct).ConfigureAwait(false);
            var pr = poll.Response;
            if (pr.Status != 200)
            {
                return Failure(pr, "查询结果");
            }

            using var json = await JsonDocument.ParseAsync(pr.ContentStream!, cancellationToken: ct).ConfigureAwait(false);
            var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            switch (status)
            {
                case "succeeded":
                    LogSucceeded(_logger, operation);
                    return ReadOutcome.Ok(AnalyzeResultMapper.Map(json.RootElement.GetProperty("analyzeResult"), format));
                case "failed" or "canceled":
                    var (code, msg) = Error(json.RootElement);
                    return ReadOutcome.Fail(IsContentError(code) ? FailureCodes.Corrupt : FailureCodes.EngineError,
                        $"Document Intelligence 分析失败：{code} {msg}");
                default:
                    wait = RetryAfter(pr, _time.GetUtcNow()) ?? _options.DefaultPollInterval;
                    break;
            }
        }
    }

    private static bool IsContentError(string? code) =>
        code is not null && (code.Contains("Content", StringComparison.OrdinalIgnoreCase) || code.Contains("InvalidRequest", StringComparison.OrdinalIgnoreCase)
            || code.Contains("Password", StringComparison.OrdinalIgnoreCase));

    private static ReadOutcome Failure(Response response, string step)
    {
        string? code = null, msg = null;
        try
        {
            if (response.ContentStream is { } stream)
            {
                using var json = JsonDocument.Parse(stream);
                (code, msg) = Error(json.RootElement);
            }
        }
        catch (JsonException)
        {
        }

        var failure = response.Status is 400 or 415 && IsContentError(code ?? "InvalidRequest") ? FailureCodes.Corrupt : FailureCodes.EngineError;
        return ReadOutcome.Fail(failure, $"Document Intelligence {step}失败：HTTP {response.Status} {code} {msg}".TrimEnd());
    }

    private static (string? Code, string? Message) Error(JsonElement root)
    {
        if (!root.TryGetProperty("error", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var code = e.TryGetProperty("code", out var c) ? c.GetString() : null;
        var message = e.TryGetProperty("message", out var m) ? m.GetString() : null;
        if (e.TryGetProperty("innererror", out var inner) && inner.TryGetProperty("code", out var ic))
        {
            code = $"{code}/{ic.GetString()}";
        }

        return (code, message);
    }

    /// <summary>Retry-After in seconds (or the retry-after-ms variants Azure services also send).</summary>
    internal static TimeSpan? RetryAfter(Response response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msv))
        {
            return TimeSpan.FromMilliseconds(msv);
        }

        if (response.Headers.TryGetValue("Retry-After", out var ra))
        {
            if (double.TryParse(ra, NumberStyles.Float, CultureInfo.InvariantCulture, out var secs))
            {
                return TimeSpan.FromSeconds(secs);
            }

            if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var delta = at - now;
                return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document Intelligence analysis succeeded ({Operation})")]
    private static partial void LogSucceeded(ILogger logger, string operation);
}

/// <summary>Adds <c>Ocp-Apim-Subscription-Key</c> to every request (Azure.Core's own key policy is internal).</summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", credential.Key);
}

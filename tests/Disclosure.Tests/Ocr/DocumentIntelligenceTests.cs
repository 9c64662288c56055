using Azure.Core.Pipeline;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr;
using Disclosure.Ocr.DocumentIntelligence;
using Disclosure.Ocr.TextLayer;
using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Ocr;

/// <summary>The Document Intelligence client against a local fake of the documented REST contract.</summary>
public sealed class DocumentIntelligenceTests
{
    private static DocumentIntelligenceClient Client(FakeDocumentIntelligence fake, string key = "test-key")
    {
        var clientOptions = new DocumentIntelligenceClientOptions();
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(5);
        clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return DocumentIntelligenceClient.Create(
            new DocumentIntelligenceOptions { Endpoint = fake.Endpoint, Key = key, DefaultPollInterval = TimeSpan.FromMilliseconds(5) },
            clientOptions: clientOptions);
    }

    [Fact]
    public async Task Analysis_is_submitted_polled_and_mapped_onto_the_layout_model()
    {
        await using var fake = new FakeDocumentIntelligence { RunningPolls = 2 };
        var pdf = "%PDF-1.4 fake"u8.ToArray();

        var outcome = await Client(fake).AnalyzeAsync(pdf, SourceFormat.Pdf, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(pdf, fake.LastDocument);
        Assert.Equal("2024-11-30", fake.LastApiVersion);
        Assert.Equal(3, fake.Polls);
        var doc = outcome.Document!;
        Assert.DoesNotContain(doc.Paragraphs, p => p.Text == "- 3 -");
        Assert.Equal("二、主动公开政府信息情况", Assert.Single(doc.Paragraphs).Text);
        var table = Assert.Single(doc.Tables);
        Assert.Equal(GridKind.Grid, table.Kind);
        Assert.Equal(3, Assert.Single(table.Cells, c => c.Row == 0).ColumnSpan);
        Assert.True(table.Cells.Single(c => c.Text == "本年制发件数").IsHeader);
        var three = table.Cells.Single(c => c.Text == "3");
        Assert.Equal(0.62, three.Confidence);
        Assert.Equal(1, three.Page);
        Assert.Equal(new BoundingBox(3, 3, 3.1, 3.2), three.Box);
    }

    [Fact]
    public async Task Throttling_and_transient_errors_are_retried()
    {
        await using var fake = new FakeDocumentIntelligence { ThrottleFirstPosts = 2, FailTransientlyOnFirstPoll = true };

        var outcome = await Client(fake).AnalyzeAsync("%PDF-1.4"u8.ToArray(), SourceFormat.Pdf, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(3, fake.Posts);
    }

    [Fact]
    public async Task A_failed_analysis_is_a_failed_read_with_the_service_reason()
    {
        await using var fake = new FakeDocumentIntelligence { FailAnalysis = true };

        var outcome = await Client(fake).AnalyzeAsync("%PDF-1.4"u8.ToArray(), SourceFormat.Pdf, CancellationToken.None);

        Assert.Equal(FailureCodes.Corrupt, outcome.ErrorCode);
        Assert.Contains("InvalidContent", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_an_engine_error_not_an_exception()
    {
        await using var fake = new FakeDocumentIntelligence();

        var outcome = await Client(fake, key: "wrong").AnalyzeAsync("%PDF-1.4"u8.ToArray(), SourceFormat.Pdf, CancellationToken.None);

        Assert.Equal(FailureCodes.EngineError, outcome.ErrorCode);
        Assert.Contains("401", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_chooses_the_engine_and_the_local_one_is_the_default()
    {
        await using var fake = new FakeDocumentIntelligence();
        var local = OcrServices(new ConfigurationBuilder().Build());
        Assert.All(local.GetServices<IDocumentReader>(), r => Assert.StartsWith("Local", r.GetType().Name, StringComparison.Ordinal));

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ocr:Engine"] = "documentintelligence",
            ["DocumentIntelligence:Endpoint"] = fake.Endpoint.AbsoluteUri,
            ["DocumentIntelligence:Key"] = "test-key",
        }).Build();
        var services = OcrServices(config);
        var readers = services.GetServices<IDocumentReader>().ToList();

        Assert.Equal([SourceFormat.Pdf, SourceFormat.Image], readers.Select(r => r.Format));
        Assert.IsType<TextLayerPdfReader>(readers[0]);
        Assert.IsType<LayoutAnalyzerReader>(readers[1]);

        // A PDF without a text layer goes to the service; one with a text layer is read in-process, the service untouched.
        var scan = await readers[0].ReadAsync(PdfBuilder.Scanned(1), CancellationToken.None);
        Assert.True(scan.Succeeded, scan.Error);
        Assert.NotNull(fake.LastDocument);
        await using var untouched = new FakeDocumentIntelligence();
        var textConfig = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ocr:Engine"] = "documentintelligence",
            ["DocumentIntelligence:Endpoint"] = untouched.Endpoint.AbsoluteUri,
            ["DocumentIntelligence:Key"] = "test-key",
        }).Build();
        var pdfReader = OcrServices(textConfig).GetServices<IDocumentReader>().First();
        var text = await pdfReader.ReadAsync(await File.ReadAllBytesAsync(Path.Combine(OcrTestPaths.Corpus, "seed-002.pdf")), CancellationToken.None);
        Assert.True(text.Succeeded, text.Error);
        Assert.Contains(text.Document!.Tables, t => t.Cells.Any(c => c.Text == "行政许可"));
        Assert.Null(untouched.LastDocument);
    }

    [Fact]
    public async Task Without_a_key_Entra_ID_tokens_for_the_cognitive_services_scope_are_sent()
    {
        // Azure.Core sends bearer tokens over HTTPS only: the client is given an https endpoint that the test transport
        // routes to the plain-HTTP fake, so the real BearerTokenAuthenticationPolicy runs unchanged.
        var publicEndpoint = new Uri("https://di.example.test/");
        await using var fake = new FakeDocumentIntelligence { BearerToken = "token-1", PublicEndpoint = publicEndpoint };
        var credential = new RecordingCredential("token-1");
        var transport = new HttpClientTransport(new HttpClient(new RouteTo(fake.Endpoint)));
        var client = DocumentIntelligenceClient.Create(
            new DocumentIntelligenceOptions { Endpoint = publicEndpoint, DefaultPollInterval = TimeSpan.FromMilliseconds(5) },
            credential, transport);

        var outcome = await client.AnalyzeAsync("%PDF-1.4"u8.ToArray(), SourceFormat.Pdf, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal([DocumentIntelligenceClient.Scope], credential.Scopes.Distinct());
        Assert.Equal(1, fake.Posts);
    }

    [Fact]
    public async Task A_token_the_service_refuses_is_an_engine_error()
    {
        var publicEndpoint = new Uri("https://di.example.test/");
        await using var fake = new FakeDocumentIntelligence { BearerToken = "token-1", PublicEndpoint = publicEndpoint };
        var client = DocumentIntelligenceClient.Create(
            new DocumentIntelligenceOptions { Endpoint = publicEndpoint }, new RecordingCredential("expired"),
            new HttpClientTransport(new HttpClient(new RouteTo(fake.Endpoint))));

        var outcome = await client.AnalyzeAsync("%PDF-1.4"u8.ToArray(), SourceFormat.Pdf, CancellationToken.None);

        Assert.Equal(FailureCodes.EngineError, outcome.ErrorCode);
        Assert.Contains("401", outcome.Error, StringComparison.Ordinal);
    }

    private sealed class RecordingCredential(string token) : Azure.Core.TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new Azure.Core.AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Sends every request to <paramref name="target"/> (scheme, host and port), keeping path, query and headers.</summary>
    private sealed class RouteTo(Uri target) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The OCR readers as the hosts compose them: settings bound and validated, readers registered by role.</summary>
    private static ServiceProvider OcrServices(IConfiguration configuration) =>
        new ServiceCollection().AddEngineSettings(configuration).AddDisclosureOcr().BuildServiceProvider().ValidateSettings();
}

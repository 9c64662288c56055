using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// A local stand-in for Azure AI Document Intelligence (REST 2024-11-30) following the documented contract: POST
/// …/documentModels/prebuilt-layout:analyze with {"base64Source"} → 202 + Operation-Location; GET the operation →
/// {"status": running|succeeded|failed, "analyzeResult"}. It can throttle (429 + retry-after), fail transiently (503),
/// report a failed analysis, and checks the subscription key.
/// </summary>
internal sealed class FakeDocumentIntelligence : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _posts;
    private int _polls;

    public FakeDocumentIntelligence()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The address clients are told to poll (Operation-Location); the listener's own address unless set.</summary>
    public Uri? PublicEndpoint { get; init; }

    /// <summary>When set, requests must carry <c>Authorization: Bearer</c> with this token instead of the key (Entra ID).</summary>
    public string? BearerToken { get; init; }

    public string Key { get; init; } = "test-key";

    public int ThrottleFirstPosts { get; init; }

    public int RunningPolls { get; init; } = 1;

    public bool FailTransientlyOnFirstPoll { get; init; }

    public bool FailAnalysis { get; init; }

    public string AnalyzeResultJson { get; init; } = SampleResult;

    public int Posts => _posts;

    public int Polls => _polls;

    public byte[]? LastDocument { get; private set; }

    public string? LastApiVersion { get; private set; }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                Handle(ctx);
            }
            finally
            {
                ctx.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        var req = ctx.Request;
        var res = ctx.Response;
        var authorised = BearerToken is null
            ? req.Headers["Ocp-Apim-Subscription-Key"] == Key
            : req.Headers["Authorization"] == "Bearer " + BearerToken;
        if (!authorised)
        {
            Write(res, 401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}""");
            return;
        }

        var path = req.Url!.AbsolutePath;
        if (req.HttpMethod == "POST" && path.EndsWith("/documentintelligence/documentModels/prebuilt-layout:analyze", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _posts);
            if (n <= ThrottleFirstPosts)
            {
                res.Headers["retry-after-ms"] = "10";
                Write(res, 429, """{"error":{"code":"429","message":"Rate limit is exceeded."}}""");
                return;
            }

            LastApiVersion = req.QueryString["api-version"];
            using var body = JsonDocument.Parse(req.InputStream);
            if (!body.RootElement.TryGetProperty("base64Source", out var source))
            {
                Write(res, 400, """{"error":{"code":"InvalidRequest","message":"Invalid request.","innererror":{"code":"InvalidContent","message":"base64Source or urlSource is required"}}}""");
                return;
            }

            LastDocument = source.GetBytesFromBase64();
            res.Headers["Operation-Location"] = $"{(PublicEndpoint ?? Endpoint).AbsoluteUri}documentintelligence/documentModels/prebuilt-layout/analyzeResults/op-1?api-version={LastApiVersion}";
            res.Headers["Retry-After"] = "0";
            Write(res, 202, "");
            return;
        }

        if (req.HttpMethod == "GET" && path.Contains("/analyzeResults/", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _polls);
            if (FailTransientlyOnFirstPoll && n == 1)
            {
                res.Headers["retry-after-ms"] = "10";
                Write(res, 503, """{"error":{"code":"ServiceUnavailable","message":"try again"}}""");
                return;
            }

            if (n <= RunningPolls + (FailTransientlyOnFirstPoll ? 1 : 0))
            {
                res.Headers["Retry-After"] = "0";
                Write(res, 200, """{"status":"running","createdDateTime":"2024-11-30T00:00:00Z","lastUpdatedDateTime":"2024-11-30T00:00:01Z"}""");
                return;
            }

            Write(res, 200, FailAnalysis
                ? """{"status":"failed","error":{"code":"InvalidRequest","message":"Invalid request.","innererror":{"code":"InvalidContent","message":"The file is corrupted or format is unsupported."}}}"""
                : $$"""{"status":"succeeded","createdDateTime":"2024-11-30T00:00:00Z","lastUpdatedDateTime":"2024-11-30T00:00:02Z","analyzeResult":{{AnalyzeResultJson}}}""");
            return;
        }

        Write(res, 404, """{"error":{"code":"NotFound","message":"Resource not found"}}""");
    }

    private static void Write(HttpListenerResponse res, int status, string body)
    {
        res.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(body);
        res.ContentType = "application/json";
        res.ContentLength64 = bytes.Length;
        res.OutputStream.Write(bytes);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A prebuilt-layout result: a page header, a heading, a 3×3 table with a spanning header, words with confidence.</summary>
    public const string SampleResult = """
        {"apiVersion":"2024-11-30","modelId":"prebuilt-layout","stringIndexType":"utf16CodeUnit",
         "content":"- 3 -\n二、主动公开政府信息情况\n信息内容 本年制发件数 现行有效件数 规章 3 12",
         "pages":[{"pageNumber":1,"angle":0.2,"width":8.2639,"height":11.6944,"unit":"inch",
           "words":[
             {"content":"规章","polygon":[1,3,1.5,3,1.5,3.2,1,3.2],"confidence":0.99,"span":{"offset":41,"length":2}},
             {"content":"3","polygon":[3,3,3.1,3,3.1,3.2,3,3.2],"confidence":0.62,"span":{"offset":44,"length":1}},
             {"content":"12","polygon":[5,3,5.2,3,5.2,3.2,5,3.2],"confidence":0.98,"span":{"offset":46,"length":2}}],
           "lines":[],"spans":[{"offset":0,"length":48}]}],
         "paragraphs":[
           {"role":"pageHeader","content":"- 3 -","boundingRegions":[{"pageNumber":1,"polygon":[4,0.3,4.3,0.3,4.3,0.5,4,0.5]}],"spans":[{"offset":0,"length":5}]},
           {"role":"sectionHeading","content":"二、主动公开政府信息情况","boundingRegions":[{"pageNumber":1,"polygon":[1,2,4,2,4,2.3,1,2.3]}],"spans":[{"offset":6,"length":12}]},
           {"content":"信息内容","boundingRegions":[{"pageNumber":1,"polygon":[1,2.5,2,2.5,2,2.7,1,2.7]}],"spans":[{"offset":19,"length":4}]}],
         "tables":[{"rowCount":3,"columnCount":3,
           "cells":[
             {"kind":"columnHeader","rowIndex":0,"columnIndex":0,"columnSpan":3,"content":"第二十条第（一）项","boundingRegions":[{"pageNumber":1,"polygon":[1,2.4,6,2.4,6,2.5,1,2.5]}],"spans":[]},
             {"kind":"columnHeader","rowIndex":1,"columnIndex":0,"content":"信息内容","boundingRegions":[{"pageNumber":1,"polygon":[1,2.5,2,2.5,2,2.7,1,2.7]}],"spans":[{"offset":19,"length":4}]},
             {"kind":"columnHeader","rowIndex":1,"columnIndex":1,"content":"本年制发件数","boundingRegions":[{"pageNumber":1,"polygon":[3,2.5,4,2.5,4,2.7,3,2.7]}],"spans":[{"offset":24,"length":6}]},
             {"kind":"columnHeader","rowIndex":1,"columnIndex":2,"content":"现行有效件数","boundingRegions":[{"pageNumber":1,"polygon":[5,2.5,6,2.5,6,2.7,5,2.7]}],"spans":[{"offset":31,"length":6}]},
             {"kind":"rowHeader","rowIndex":2,"columnIndex":0,"content":"规章","boundingRegions":[{"pageNumber":1,"polygon":[1,3,1.5,3,1.5,3.2,1,3.2]}],"spans":[{"offset":41,"length":2}]},
             {"rowIndex":2,"columnIndex":1,"content":"3","boundingRegions":[{"pageNumber":1,"polygon":[3,3,3.1,3,3.1,3.2,3,3.2]}],"spans":[{"offset":44,"length":1}]},
             {"rowIndex":2,"columnIndex":2,"content":"12","boundingRegions":[{"pageNumber":1,"polygon":[5,3,5.2,3,5.2,3.2,5,3.2]}],"spans":[{"offset":46,"length":2}]}],
           "boundingRegions":[{"pageNumber":1,"polygon":[1,2.4,6,2.4,6,3.2,1,3.2]}],
           "spans":[{"offset":19,"length":29}]}]}
        """;
}

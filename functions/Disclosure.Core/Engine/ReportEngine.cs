using System.Security.Cryptography;
using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;
using Disclosure.Core.Validation;

namespace Disclosure.Core.Engine;

/// <summary>
/// The engine: detect the format, read through the matching backend, extract canonical cells, validate.
/// Every outcome, including failures, is a <see cref="ReportResult"/>; nothing here throws for bad input.
/// </summary>
public sealed class ReportEngine
{
    private readonly Dictionary<SourceFormat, IDocumentReader> _readers;
    private readonly ReadLimits _limits;
    private readonly ReportValidator _validator;

    public ReportEngine(IEnumerable<IDocumentReader> readers, ReadLimits? limits = null, ReportValidator? validator = null)
    {
        _readers = new Dictionary<SourceFormat, IDocumentReader>();
        foreach (var reader in readers)
        {
            // Later registrations win, so a host can replace a default backend (e.g. Document Intelligence for PDF).
            _readers[reader.Format] = reader;
        }

        _limits = limits ?? new ReadLimits();
        _validator = validator ?? new ReportValidator();
    }

    public ReadLimits Limits => _limits;

    public async Task<ReportResult> AnalyzeAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        (await AnalyzeWithLayoutAsync(name, content, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>As <see cref="AnalyzeAsync"/>, also giving the layout the reader produced (null when reading failed), for the review page.</summary>
    public async Task<(ReportResult Result, LayoutDocument? Layout)> AnalyzeWithLayoutAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var format = FormatDetector.Detect(content.Span);
        var source = new SourceInfo(name, sha, FormatDetector.Name(format), null, false) { Bytes = content.Length };

        if (content.IsEmpty)
        {
            return (Failed(source, FailureCodes.Empty, "文件为空（empty file）"), null);
        }

        if (content.Length > _limits.MaxBytes)
        {
            return (Failed(source, FailureCodes.TooLarge, $"文件过大：{content.Length:N0} 字节，上限 {_limits.MaxBytes:N0} 字节（file too large）"), null);
        }

        if (format == SourceFormat.Unknown || !_readers.TryGetValue(format, out var reader))
        {
            return (Failed(source, FailureCodes.UnsupportedFormat, format == SourceFormat.Unknown
                ? FormatDetector.DescribeUnknown(content.Span)
                : $"暂不支持该格式：{FormatDetector.Name(format)}（no reader configured for this format）"), null);
        }

        // The document budget: a linked token every reader loop and child process observes, and a wait that gives up at
        // the deadline even if a loop does not (the abandoned work sees the cancelled token at its next check).
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_limits.DocumentTimeout);
        var work = Task.Run(async () =>
        {
            var outcome = await reader.ReadAsync(content, budget.Token).ConfigureAwait(false);
            budget.Token.ThrowIfCancellationRequested();
            return outcome.Succeeded
                ? (Analyze(source, outcome.Document!), outcome.Document)
                : (Failed(source, outcome.ErrorCode ?? FailureCodes.Corrupt, outcome.Error ?? "读取失败"), (LayoutDocument?)null);
        }, budget.Token);
        try
        {
            return await work.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SettleAsync(work).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException)
        {
            await SettleAsync(work).ConfigureAwait(false);
            return (Failed(source, FailureCodes.Timeout,
                $"超出单份文档的时间预算 {_limits.DocumentTimeout.TotalSeconds:0} 秒（document time budget exceeded: Engine__DocumentTimeoutSeconds）"), null);
        }
        catch (BudgetExceededException ex)
        {
            return (Failed(source, ex.Code, ex.Message), null);
        }
        catch (Exception ex)
        {
            // A backend bug must not take the batch down: it becomes a failed result with the reason.
            return (Failed(source, FailureCodes.EngineError, $"读取失败：{ex.GetType().Name}: {Printable(ex.Message)}"), null);
        }
    }

    /// <summary>
    /// How long work abandoned at the deadline is awaited before the result is returned anyway: enough for a read to
    /// reach its next cancellation check, kill its child process and delete its temporary files (under heavy load that
    /// took a few seconds), short enough that a read which ignores the token cannot hold the batch.
    /// </summary>
    public static TimeSpan AbandonGrace { get; } = TimeSpan.FromSeconds(10);

    private static async Task SettleAsync(Task work)
    {
        Observe(work);
        try
        {
            await work.WaitAsync(AbandonGrace).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Its outcome no longer matters: the document already timed out; only its clean-up was awaited.
        }
    }

    /// <summary>Work abandoned at the deadline may still fail later; its exception is observed, never raised on the finaliser.</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Exception text can carry document bytes: control characters out, length bounded (also the pipeline's error texts).</summary>
    public static string Printable(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(300)]);

    /// <summary>Extract and validate an already read document (used by OCR paths and tests).</summary>
    public ReportResult Analyze(SourceInfo source, LayoutDocument document)
    {
        var encoding = document.Notes.FirstOrDefault(n => n.StartsWith("encoding ", StringComparison.Ordinal))?["encoding ".Length..];
        source = source with { Pages = document.PageCount, Ocr = document.Ocr, Format = FormatDetector.Name(document.Format), Encoding = encoding ?? source.Encoding };
        ExtractedReport extracted;
        try
        {
            extracted = TemplateExtractor.Extract(document);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not BudgetExceededException)
        {
            return Failed(source, FailureCodes.EngineError, $"表格提取失败：{ex.GetType().Name}: {ex.Message}");
        }

        if (!extracted.LooksLikeReport)
        {
            return Failed(source, FailureCodes.NotAReport,
                "未识别为政府信息公开工作年度报告：既无标题、也无六个部分或标准表格（not a government information disclosure annual report）") with
            { Report = extracted.Report };
        }

        var findings = _validator.Validate(extracted);
        var status = findings.Any(f => f.Severity >= Severity.Warning) ? ResultStatus.Findings : ResultStatus.Passed;
        return new ReportResult
        {
            Source = source,
            Report = extracted.Report,
            Cells = extracted.Cells.Values.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            CellDetails = extracted.Cells.Values
                .Where(c => c.Note is not null || c.Box is not null || c.Confidence is not null || !c.HasValue || !string.Equals(c.Raw, c.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                .ToDictionary(c => c.Key, c => new CellDetail(c.Raw)
                {
                    Note = c.Note,
                    Page = c.Page,
                    Box = c.Box is { } b ? [b.Left, b.Top, b.Right, b.Bottom] : null,
                    Confidence = c.Confidence,
                }, StringComparer.Ordinal),
            Findings = findings,
            Status = status,
            Narrative = extracted.SectionTexts.Count > 0 ? extracted.SectionTexts : null,
        };
    }

    public static ReportResult Failed(SourceInfo source, string code, string reason) => new()
    {
        Source = source,
        Report = new ReportInfo(null, null, null),
        Cells = new Dictionary<string, decimal?>(),
        Findings = [],
        Status = ResultStatus.Failed,
        Error = reason,
        ErrorCode = code,
    };
}

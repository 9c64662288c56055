namespace Disclosure.Pipeline.Configuration;

/// <summary>
/// Every application setting the code reads, in one place. A test checks that infra/ and local.settings.sample.json
/// set each of them; add a name here when code starts reading a new one.
/// Names use the Functions convention: '__' separates sections.
/// </summary>
public static class SettingNames
{
    /// <summary>Storage holding the `reports` container (connection string locally; identity-based in Azure via __blobServiceUri etc.).</summary>
    public const string ReportsStorage = "ReportsStorage";

    public const string CosmosEndpoint = "Cosmos__Endpoint";

    /// <summary>Key for the local emulator only; in Azure the managed identity is used and this stays unset.</summary>
    public const string CosmosKey = "Cosmos__Key";

    public const string CosmosDatabase = "Cosmos__Database";

    public const string AlertsTopicEndpoint = "Alerts__TopicEndpoint";

    public const string AlertsTopicKey = "Alerts__TopicKey";

    public const string AlertsWebhookUrl = "Alerts__WebhookUrl";

    public const string AlertsMinSeverity = "Alerts__MinSeverity";

    /// <summary>Wall-clock budget of one document in seconds, OCR included (default 120); over it the result is failed TIMEOUT.</summary>
    public const string EngineDocumentTimeoutSeconds = "Engine__DocumentTimeoutSeconds";

    /// <summary>local (poppler + tesseract) or documentintelligence.</summary>
    public const string OcrEngine = "Ocr__Engine";

    public const string DocumentIntelligenceEndpoint = "DocumentIntelligence__Endpoint";

    public const string DocumentIntelligenceKey = "DocumentIntelligence__Key";

    /// <summary>NCRONTAB (6 fields, UTC) of the scheduled sweep; default after each deadline. "off" disables the local schedule.</summary>
    public const string SweepSchedule = "Sweep__Schedule";

    /// <summary>MM-dd of the following year; default 01-31.</summary>
    public const string SweepDepartmentDeadline = "Sweep__DepartmentDeadline";

    /// <summary>MM-dd of the following year; default 03-31.</summary>
    public const string SweepGovernmentDeadline = "Sweep__GovernmentDeadline";

    /// <summary>Blob container for the sweep's HTML report, CSV and summary JSON; default sweep-reports.</summary>
    public const string SweepOutputContainer = "Sweep__OutputContainer";

    /// <summary>Blob container holding the lease blob that keeps sweeps one at a time; default sweep-locks.</summary>
    public const string SweepLockContainer = "Sweep__LockContainer";

    // Pipeline (processing, local host) settings.

    /// <summary>Blob container watched for reports (default `reports`).</summary>
    public const string ReportsContainer = "Reports__Container";

    /// <summary>Identity-based storage in Azure: the blob service URI (used when ReportsStorage holds no connection string).</summary>
    public const string ReportsBlobServiceUri = "ReportsStorage__blobServiceUri";

    /// <summary>Client id of a user-assigned managed identity for storage, Cosmos and Event Grid (unset: DefaultAzureCredential).</summary>
    public const string ManagedIdentityClientId = "ReportsStorage__clientId";

    /// <summary>Largest report read, in bytes (default 50 MiB); larger blobs become failed results without being downloaded.</summary>
    public const string PipelineMaxBytes = "Pipeline__MaxBytes";

    /// <summary>Attempts per blob for transient faults before it is recorded as poison (default 6).</summary>
    public const string PipelineMaxAttempts = "Pipeline__MaxAttempts";

    /// <summary>Reports processed in parallel by the local host (default 16).</summary>
    public const string PipelineMaxParallelism = "Pipeline__MaxParallelism";

    /// <summary>Pause between two scans of the container by the local host, in milliseconds (default 250).</summary>
    public const string PipelinePollIntervalMs = "Pipeline__PollIntervalMilliseconds";

    // Review pages (one HTML page per report, linked from its alert).

    /// <summary>Blob container of the review pages (default review-pages).</summary>
    public const string ReviewContainer = "Review__Container";

    /// <summary>Days a review page link in an alert stays valid, 1 to 7 (default 7: the longest a user-delegation SAS can live).</summary>
    public const string ReviewLinkDays = "Review__LinkDays";

    /// <summary>
    /// Settings only a developer's machine sets (tools, the CLI, comparisons); each has a documented default, and
    /// infra/ does not set them (nested, so the coverage test of infra/ and local.settings.sample.json leaves them out).
    /// </summary>
    public static class Local
    {
        /// <summary>Recogniser of scans with the local engine: paddle (PP-OCRv4, default) or tesseract.</summary>
        public const string OcrRecognizer = "Ocr__Recognizer";

        /// <summary>Folder of the PP-OCRv4 model files (default: models/ppocr-v4 beside the application).</summary>
        public const string OcrModelDirectory = "Ocr__ModelDirectory";

        /// <summary>Default input of `disclosure bench` and `bench-pipeline` (default ../shared/seeds, from the current directory).</summary>
        public const string SeedsFolder = "Bench__SeedsFolder";
    }
}

using Disclosure.Tests.Support;

namespace Disclosure.Tests.Ocr;

internal static class OcrTestPaths
{
    public static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Disclosure.Tests", "Ocr", "Fixtures");

    public static string Corpus => Path.Combine(RepoPaths.Root, "tests", "corpus");

    /// <summary>Fails (never skips) when a program setup.sh installs is missing.</summary>
    public static void RequireTool(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
        Assert.True(found, $"{program} is not installed: run scripts/setup.sh (poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim)");
    }
}

using Disclosure.Corpus;

// dotnet run --project tests/Disclosure.Corpus -- generate --out DIR [--count N] [--seed S] [--formats html,docx,pdf,scan] [--no-seeds] [--dpi 300]
// dotnet run --project tests/Disclosure.Corpus -- template --out DIR [--count N] [--seed S] [--first I] [--dpi 300,200] [--template DOCX]
// dotnet run --project tests/Disclosure.Corpus -- accuracy [--dir DIR] [--json FILE] [--formats pdf,scan] [--page-ocr] [--engine paddle|tesseract]
// dotnet run --project tests/Disclosure.Corpus -- bench [--dir DIR] [--engine paddle|tesseract] [--files N] | bench --stages SCAN.pdf | scan-sample SCAN.pdf --pages 2,3 [--dpi 200] [--quality 70] --out FILE
var command = args.FirstOrDefault() ?? "help";
string Opt(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// --engine paddle (default) | tesseract: the recogniser of scans, to measure both side by side.
Disclosure.Ocr.ScanRecognizer Engine() => Opt("engine", "paddle") == "tesseract" ? Disclosure.Ocr.ScanRecognizer.Tesseract : Disclosure.Ocr.ScanRecognizer.PaddleOcr;

var root = CorpusPaths.RepoRoot();
switch (command)
{
    case "generate":
        Generator.Generate(
            Opt("out", Path.Combine(root, "tests", "corpus", "generated")),
            int.Parse(Opt("count", "4"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Opt("seed", "7"), System.Globalization.CultureInfo.InvariantCulture),
            Opt("formats", "html,docx,pdf,scan").Split(','),
            !args.Contains("--no-seeds"),
            Path.Combine(root, "..", "shared", "gold"),
            int.Parse(Opt("dpi", "300"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "template":
        TemplateGenerator.Generate(
            Opt("out", Path.Combine(root, "tests", "corpus", "generated")),
            Opt("template", Path.Combine(root, "..", "shared", "templates", "official-2021-template.docx")),
            int.Parse(Opt("count", "12"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Opt("seed", "21"), System.Globalization.CultureInfo.InvariantCulture),
            [.. Opt("dpi", "300,200").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture))],
            int.Parse(Opt("first", "0"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "accuracy":
        return await Accuracy.RunAsync(Opt("dir", Path.Combine(root, "tests", "corpus")), Opt("json", ""), Opt("formats", ""), args.Contains("--page-ocr"), Engine());
    case "grid" or "dump" when args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal):
        Console.Error.WriteLine($"usage: {command} FILE ...: the file comes first (see help)");
        return 2;
    case "dump":
        return await Dump.RunAsync(args[1], args.Contains("--boxes"));
    case "grid":
        return args.Contains("--vector") ? GridDump.Vector(args[1], int.Parse(Opt("page", "1"), System.Globalization.CultureInfo.InvariantCulture), args.Contains("--segments"))
            : GridDump.Run(args[1], int.Parse(Opt("page", "1"), System.Globalization.CultureInfo.InvariantCulture), png: Opt("png", "") is { Length: > 0 } png ? png : null, segments: args.Contains("--segments"));
    case "scan-sample":
        return ScanSample.Write(args[1], [.. Opt("pages", "1").Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))],
            int.Parse(Opt("dpi", "200"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Opt("quality", "70"), System.Globalization.CultureInfo.InvariantCulture), Opt("out", "sample.pdf"));
    case "bench" when args.Contains("--stages"):
        return Bench.Stages(Opt("stages", ""));
    case "bench":
        return await Bench.RunAsync(Opt("dir", Path.Combine(root, "tests", "corpus")), Engine(), int.Parse(Opt("files", "3"), System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.WriteLine("usage: template --out DIR [--count N] [--seed S] [--first I] [--dpi 300,200] [--template DOCX] | generate --out DIR [--count N] [--seed S] [--formats html,docx,pdf,scan] [--no-seeds] [--dpi 300] | accuracy [--dir DIR] [--json FILE] [--formats pdf,scan] [--page-ocr] [--engine paddle|tesseract] | bench [--dir DIR] [--engine paddle|tesseract] [--files N] | bench --stages SCAN.pdf | scan-sample SCAN.pdf --pages 2,3 [--dpi 200] [--quality 70] --out FILE | dump FILE | grid PDF [--page N] [--vector] [--png FILE] [--segments]");
        return command == "help" ? 0 : 2;
}

internal static class CorpusPaths
{
    public static string RepoRoot() => Disclosure.Testing.RepoPaths.TryRoot ?? Directory.GetCurrentDirectory();
}

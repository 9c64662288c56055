using Disclosure.Fuzz;
using SharpFuzz;

// Usage: Disclosure.Fuzz <text|html|docx|image>   (AFL++ feeds each input on stdin; see scripts/fuzz.sh)
//        Disclosure.Fuzz <target> --replay <folder> (runs every file of a folder once, e.g. a corpus or the crashes found)
var target = args.Length > 0 ? args[0] : "text";
var entry = FuzzTargets.For(target);
if (args.Length > 2 && args[1] == "--replay")
{
    foreach (var file in Directory.EnumerateFiles(args[2]))
    {
        entry(File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    entry(ms.ToArray());
});
return 0;

using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Disclosure.Benchmarks -- --filter '*'` runs every benchmark.
// `… -- sweep --reports 10000 [--pure]` times the annual sweep; `… -- sweep-registry --agencies 320 --out r.csv` writes its registry.
if (await Disclosure.Benchmarks.SweepBench.RunAsync(args) is { } exit)
{
    return exit;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

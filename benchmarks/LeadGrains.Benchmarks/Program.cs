using BenchmarkDotNet.Running;
using LeadGrains.Benchmarks.InProcess;

// Micro-benchmarks run under BenchmarkDotNet; whole-engine measurements in process run as commands.
return args.FirstOrDefault() switch
{
    "handoff" => await HandoffBenchmark.RunAsync(args[1..]),
    "deadlines" => await DeadlineBenchmark.RunAsync(args[1..]),
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "reports" => await ReportBenchmark.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(HandoffBenchmark).Assembly).Run(args);
    return 0;
}

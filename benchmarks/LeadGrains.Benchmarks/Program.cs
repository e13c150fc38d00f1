using BenchmarkDotNet.Running;
using LeadGrains.Benchmarks.InProcess;

// Micro-benchmarks run under BenchmarkDotNet; whole-engine measurements in process run as commands.
// Each command takes an optional `--json PATH` for its figures (benchmarks/run-all.sh collects them).
var commandArgs = ResultOutput.Take(args);
return commandArgs.FirstOrDefault() switch
{
    "handoff" => await HandoffBenchmark.RunAsync(commandArgs[1..]),
    "deadlines" => await DeadlineBenchmark.RunAsync(commandArgs[1..]),
    "ingest" => await IngestBenchmark.RunAsync(commandArgs[1..]),
    "memory" => await MemoryBenchmark.RunAsync(commandArgs[1..]),
    "reports" => await ReportBenchmark.RunAsync(commandArgs[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(HandoffBenchmark).Assembly).Run(args);
    return 0;
}

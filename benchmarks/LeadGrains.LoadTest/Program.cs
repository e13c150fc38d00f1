using LeadGrains.LoadTest;
using LeadGrains.LoadTest.Report;
using LeadGrains.LoadTest.Workloads;

if (args.FirstOrDefault() == "report")
{
    return ResultsReport.Run(args[1..]);
}

var options = LoadOptions.Parse(args);
using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
client.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);

var workload = WorkloadFactory.Create(options, client);
Console.WriteLine($"{options.ResultName}: preparing ({options.Mode} against {options.Url})");
await workload.PrepareAsync(CancellationToken.None);
var runner = new LoadRunner(workload, options);
if (options.Warmup > TimeSpan.Zero)
{
    Console.WriteLine($"{options.ResultName}: warming up for {options.Warmup.TotalSeconds:0.#} s");
    await runner.RunAsync(options.Warmup, CancellationToken.None);
}
Console.WriteLine($"{options.ResultName}: measuring for {options.Duration.TotalSeconds:0.#} s");
var result = new LoadResult(options, workload, await runner.RunAsync(options.Duration, CancellationToken.None));
Console.WriteLine(result.ScriptLine());
Console.WriteLine(result.Describe());
if (options.Out is { } path)
{
    result.ToFile("LeadGrains.LoadTest " + string.Join(' ', args)).Write(path);
}
return result.Figures()["requests"] > 0 ? 0 : 1;

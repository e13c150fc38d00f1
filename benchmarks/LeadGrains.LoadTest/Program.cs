using LeadGrains.LoadTest;

var options = LoadOptions.Parse(args);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
client.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
var load = new IngestLoad(client, options);

var leads = options.Mode == LoadOptions.Activities ? await load.CreateLeadsAsync(CancellationToken.None) : [];
Console.WriteLine($"{leads.Length} leads created; warming up for {options.Warmup.TotalSeconds} s");
await load.RunAsync(leads, options.Warmup, CancellationToken.None);
var report = await load.RunAsync(leads, options.Duration, CancellationToken.None);
Console.WriteLine(report.Format(options.Mode, options.Concurrency));
return report.Requests > 0 ? 0 : 1;

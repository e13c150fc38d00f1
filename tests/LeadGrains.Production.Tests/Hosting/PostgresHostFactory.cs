using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>
/// The real host (<c>Program</c>) in Postgres mode on Kestrel at a loopback port, its silo on free ports.
/// Hosts made with the same database and ServiceId share state; with the same ClusterId they form one cluster.
/// </summary>
public sealed class PostgresHostFactory : WebApplicationFactory<Program>
{
    public const string DevKey = "local-dev-key";

    private readonly string _connectionString;
    private readonly string _clusterId;
    private readonly string _serviceId;

    private readonly TimeProvider? _time;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public PostgresHostFactory(string connectionString, string clusterId, string serviceId = "leadgrains-tests", TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _time = time;
        _connectionString = connectionString;
        _clusterId = clusterId;
        _serviceId = serviceId;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LeadGrains:Storage", "Postgres");
        builder.UseSetting("ConnectionStrings:LeadGrains", _connectionString);
        builder.UseSetting("LeadGrains:ClusterId", _clusterId);
        builder.UseSetting("LeadGrains:ServiceId", _serviceId);
        builder.UseSetting("LeadGrains:SiloPort", Ports.FreeLoopbackPort().Text());
        builder.UseSetting("LeadGrains:GatewayPort", Ports.FreeLoopbackPort().Text());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_time is { } time)
        {
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(time);
                services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            });
        }
    }

    public HttpClient Client()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", DevKey);
        return client;
    }
}

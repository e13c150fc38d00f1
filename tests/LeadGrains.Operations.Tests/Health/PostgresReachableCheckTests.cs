using System.Net;
using System.Net.Sockets;
using LeadGrains.Host.Health;
using LeadGrains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadGrains.Operations.Tests.Health;

public sealed class PostgresReachableCheckTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static Task<HealthCheckResult> CheckAsync(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:LeadGrains"] = connectionString })
            .Build();
        var check = new PostgresReachableCheck(configuration);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new("postgres", check, null, null) });
    }

    [Fact]
    public async Task Ready_when_postgres_answers()
    {
        var result = await CheckAsync(postgres.ConnectionString);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Not_ready_when_nothing_listens_and_the_reason_hides_the_connection_string()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CheckAsync($"Host=127.0.0.1;Port={port};Username=leadgrains;Password=s3cret-value;Timeout=2");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("s3cret-value", result.Description ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_ready_without_a_connection_string()
    {
        var result = await CheckAsync(null);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}

using System.Net;
using System.Net.Sockets;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Host.Health;
using LeadGrains.Operations.Tests.Hosting;
using LeadGrains.Storage;
using LeadGrains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

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

    [Fact]
    public async Task Host_on_postgres_is_not_ready_while_the_database_refuses_connections_yet_stays_live()
    {
        var database = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator().MigrateAsync(database, CancellationToken.None);
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        using var factory = new LeadGrainsApiFactory().With("LeadGrains:Storage", "Postgres").With("ConnectionStrings:LeadGrains", database);
        var client = factory.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode);

        await ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            await Eventually.MatchAsync(async () => (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode,
                status => status == HttpStatusCode.ServiceUnavailable, "ready turns 503 while the database refuses connections");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.LivePath)).StatusCode);
        }
        finally
        {
            await ExecuteAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }
        await Eventually.MatchAsync(async () => (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode,
            status => status == HttpStatusCode.OK, "ready again once the database answers");
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(postgres.ServerConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

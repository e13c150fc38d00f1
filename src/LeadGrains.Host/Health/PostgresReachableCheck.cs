using LeadGrains.Host.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LeadGrains.Host.Health;

/// <summary>Ready only while PostgreSQL answers a query on <c>ConnectionStrings:LeadGrains</c> (Storage=Postgres).</summary>
public sealed class PostgresReachableCheck(IConfiguration configuration) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (configuration.GetConnectionString(PostgresStorageSetup.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return HealthCheckResult.Unhealthy("ConnectionStrings:LeadGrains is not set.");
        }
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            // The message names the failure, never the connection string or its password.
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {ex.GetType().Name}.");
        }
    }
}

using LeadGrains.Host.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadGrains.Host.Health;

/// <summary>
/// The three Kubernetes probes. <c>/health/startup</c>: the silo joined its cluster.
/// <c>/health/ready</c>: the silo is active, storage answers, and no stop has begun.
/// <c>/health/live</c>: the process answers; it runs no check, so a slow database or a busy
/// cluster never gets a healthy pod restarted.
/// </summary>
public static class HealthSetup
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string StartupPath = "/health/startup";

    public const string ReadyTag = "ready";
    public const string StartupTag = "startup";

    public static IHostApplicationBuilder AddLeadGrainsHealth(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>() ?? new LeadGrainsOptions();
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloJoinedCheck>("silo-joined", tags: [StartupTag])
            .AddCheck<SiloActiveCheck>("silo-active", tags: [ReadyTag]);
        if (settings.Storage == StorageKind.Postgres)
        {
            checks.AddCheck<PostgresReachableCheck>("postgres", tags: [ReadyTag], timeout: PostgresReachableCheck.Timeout);
        }
        return builder;
    }

    public static WebApplication MapLeadGrainsHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks(StartupPath, new() { Predicate = check => check.Tags.Contains(StartupTag) }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready while this silo is active in its cluster (a stop in progress is <see cref="Hosting.NotStoppingCheck"/>'s).</summary>
public sealed class SiloActiveCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = silo.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("Silo active.")
            : HealthCheckResult.Unhealthy($"Silo is {status}."));
    }
}

/// <summary>Started once this silo has joined its cluster; until then Kubernetes holds the other probes off.</summary>
public sealed class SiloJoinedCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = silo.CurrentStatus;
        return Task.FromResult(status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping
            ? HealthCheckResult.Healthy($"Silo joined ({status}).")
            : HealthCheckResult.Unhealthy($"Silo is {status}."));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadGrains.Host.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddLeadGrainsHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SiloActiveCheck>("silo", tags: [Ready]);
        return builder;
    }

    /// <summary><c>/health/live</c> runs no check (the process answers); <c>/health/ready</c> needs an active silo.</summary>
    public static WebApplication MapLeadGrainsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready while this silo is active in its cluster and the host is not shutting down.</summary>
public sealed class SiloActiveCheck(ISiloStatusOracle silo, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Shutting down."));
        }
        var status = silo.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("Silo active.")
            : HealthCheckResult.Unhealthy($"Silo is {status}."));
    }
}

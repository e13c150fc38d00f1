using LeadGrains.Host.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadGrains.Host.Hosting;

/// <summary>
/// Graceful stop (SIGTERM in Kubernetes): readiness turns false at once, the host keeps serving for
/// <see cref="LeadGrainsOptions.ShutdownDrainDelay"/> while load balancers take the pod out, then the
/// silo leaves the cluster and deactivates its grains, all within <see cref="LeadGrainsOptions.ShutdownTimeout"/>.
/// </summary>
public static class ShutdownSetup
{
    public static IHostApplicationBuilder AddLeadGrainsShutdown(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>() ?? new LeadGrainsOptions();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Services.AddSingleton(services => new ShutdownDrain(
            settings.ShutdownDrainDelay, services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ILogger<ShutdownDrain>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddHealthChecks().AddCheck<NotStoppingCheck>("not-stopping", tags: [HealthSetup.ReadyTag]);
        return builder;
    }
}

/// <summary>
/// Runs before any hosted service stops (<see cref="IHostedLifecycleService.StoppingAsync"/>). On SIGTERM
/// <c>ApplicationStopping</c> fires even earlier; a stop called directly fires it only after this, hence the flag.
/// </summary>
public sealed partial class ShutdownDrain(TimeSpan delay, IHostApplicationLifetime lifetime, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _stopping;

    public bool IsStopping => _stopping || lifetime.ApplicationStopping.IsCancellationRequested;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        LogStopping(logger, delay.TotalSeconds);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out during the drain: go on stopping.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: not ready any more; draining for {DrainSeconds}s before the silo leaves the cluster")]
    private static partial void LogStopping(ILogger logger, double drainSeconds);
}

/// <summary>Not ready from the moment a stop begins, so that no new request is routed to a silo on its way out.</summary>
public sealed class NotStoppingCheck(ShutdownDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsStopping ? HealthCheckResult.Unhealthy("Shutting down.") : HealthCheckResult.Healthy("Not stopping."));
}

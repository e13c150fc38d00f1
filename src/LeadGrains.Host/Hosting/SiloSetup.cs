using Orleans.Dashboard;
using LeadGrains.Grains.Hosting;
using LeadGrains.Host.Storage;

namespace LeadGrains.Host.Hosting;

public static class SiloSetup
{
    /// <summary>Co-hosts the Orleans silo in this process, with the storage that configuration selects (DESIGN §9).</summary>
    public static IHostApplicationBuilder AddLeadGrainsSilo(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>() ?? new LeadGrainsOptions();
        builder.Services.AddOptions<LeadGrainsOptions>().Bind(builder.Configuration.GetSection(LeadGrainsOptions.Section)).ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            silo.AddLeadGrains();
            silo.UseLeadGrainsSiloName(settings);
            switch (settings.Storage)
            {
                case StorageKind.Memory:
                    silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                    silo.AddLeadGrainsMemoryStorage();
                    break;
                case StorageKind.Postgres:
                    silo.UseLeadGrainsPostgresStorage(settings, builder.Configuration);
                    break;
                default:
                    throw new InvalidOperationException($"LeadGrains:Storage '{settings.Storage}' is not supported by this build.");
            }
            silo.AddDashboard();
        });
        if (settings.Storage == StorageKind.Memory)
        {
            builder.Services.AddHostedService<NotDurableWarning>();
        }
        return builder;
    }
}

/// <summary>Says loudly, at start, that the embedded default keeps nothing across a restart (DESIGN §9).</summary>
public sealed partial class NotDurableWarning(ILogger<NotDurableWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Warn(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** LeadGrains is running with IN-MEMORY storage: leads, reps and configuration are NOT durable and are lost when this process stops. Set LeadGrains:Storage=Postgres for production. ***")]
    private static partial void Warn(ILogger logger);
}

using LeadGrains.Abstractions;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Events;
using LeadGrains.Grains.Leads;
using LeadGrains.Grains.Persistence;
using Orleans.Runtime.Hosting;
using LeadGrains.Grains.Reps;
using LeadGrains.Grains.Reports;
using LeadGrains.Grains.Routing;
using LeadGrains.Grains.Sla;
using LeadGrains.Grains.Webhooks;
using LeadGrains.Abstractions.Webhooks;
using LeadGrains.Abstractions.Sla;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadGrains.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>The services LeadGrains' grains need on every silo, whatever the storage.</summary>
    public static ISiloBuilder AddLeadGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        // Grain state is stored with Orleans' own serializer: the state types are [GenerateSerializer]
        // records with stable [Id]s, which is version tolerant, compact, and needs no JSON type names.
        silo.Services.RemoveAll<IGrainStorageSerializer>();
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.TryAddSingleton<LiveConfig>();
        silo.Services.TryAddSingleton<LeadIntake>();
        silo.Services.TryAddSingleton<LeadRouter>();
        silo.Services.TryAddSingleton<RepDirectory>();
        silo.Services.TryAddSingleton<IDeadlineStore, InMemoryDeadlineStore>();
        // In this process only, as durable as in-memory grain state; Postgres mode replaces it.
        silo.Services.TryAddSingleton<IEventLog, InMemoryEventLog>();
        silo.Services.TryAddSingleton<WebhookOutbox>();
        silo.Services.TryAddSingleton<ReportFeed>();
        silo.Services.TryAddSingleton<ReportReader>();
        silo.Services.AddHostedService<ReportFeedFlusher>();
        silo.Services.AddOptions<WebhookDeliveryOptions>();
        // One reminder for the whole cluster keeps the deadline sweeper alive; registering it again is harmless.
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IDeadlineSweeperGrain>(IDeadlineSweeperGrain.Key).StartAsync());
        // Deliveries pending when the cluster stopped resume as it starts (a reminder covers a single lost silo).
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).WakeAllAsync());
        return silo;
    }

    /// <summary>
    /// In-process grain storage under every LeadGrains storage name (<see cref="ProcessMemoryGrainStorage"/>),
    /// and in-memory reminders: for one silo in one process; nothing is durable.
    /// </summary>
    public static ISiloBuilder AddLeadGrainsMemoryStorage(this ISiloBuilder silo)
    {
        foreach (var name in StorageNames.All)
        {
            silo.Services.AddGrainStorage(name, (services, _) => new ProcessMemoryGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));
        }
        silo.UseInMemoryReminderService();
        return silo;
    }
}

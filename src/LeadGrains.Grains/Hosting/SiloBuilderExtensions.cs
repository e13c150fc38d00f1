using LeadGrains.Abstractions;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Leads;
using LeadGrains.Grains.Reps;
using LeadGrains.Grains.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadGrains.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>The services LeadGrains' grains need on every silo, whatever the storage.</summary>
    public static ISiloBuilder AddLeadGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<LiveConfig>();
        silo.Services.TryAddSingleton<LeadIntake>();
        silo.Services.TryAddSingleton<LeadRouter>();
        silo.Services.TryAddSingleton<RepDirectory>();
        return silo;
    }

    /// <summary>In-memory grain storage under every LeadGrains storage name, and in-memory reminders: nothing is durable.</summary>
    public static ISiloBuilder AddLeadGrainsMemoryStorage(this ISiloBuilder silo)
    {
        foreach (var name in StorageNames.All)
        {
            silo.AddMemoryGrainStorage(name);
        }
        silo.UseInMemoryReminderService();
        return silo;
    }
}

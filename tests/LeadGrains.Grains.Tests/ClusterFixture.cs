using LeadGrains.Abstractions.Configuration;
using LeadGrains.Domain.Configuration;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Reps;
using LeadGrains.Grains.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace LeadGrains.Grains.Tests;

/// <summary>
/// One in-process silo shared by a test collection, on a <see cref="FakeTimeProvider"/> that tests
/// advance instead of sleeping. Orleans' own background loops stay on real time.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public LeadIntake Intake => new(Grains);

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddLeadGrains().AddLeadGrainsMemoryStorage());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<TimeProvider>(Time);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ConfigureAsync(config => config with { Routing = Routing });
    }

    /// <summary>Pools selected by the lead's campaign, so that each test routes into a pool of its own.</summary>
    protected virtual RoutingConfig Routing => TestRouting.ByCampaign;

    public RepDirectory Reps => new(Grains);

    /// <summary>Changes the live configuration through the silo's own cache, as the API does.</summary>
    public async Task ConfigureAsync(Func<EngineConfig, EngineConfig> change)
    {
        var live = Cluster.Silos[0].ServiceProvider.GetRequiredService<LiveConfig>();
        var update = await live.UpdateAsync(change(await live.GetAsync()));
        Assert.Equal(ConfigUpdateOutcome.Updated, update.Outcome);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public static class TestRouting
{
    public static readonly string[] Campaigns = ["spread", "churn", "queue", "account", "leave", "leave-queue", "preview", "sla", "sla-contact", "sla-exhaust", "sla-sweep", "stall", "restart"];

    public static RoutingConfig ByCampaign { get; } = new()
    {
        Pools = [.. Campaigns.Select(campaign => new PoolRule
        {
            Id = campaign, ManagerEmail = $"manager.{campaign}@example.com",
            Match = new Dictionary<string, IReadOnlyList<string>> { ["campaign"] = [campaign] },
        }), new PoolRule { Id = "default" }],
        AccountMatch = true,
    };
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

using LeadGrains.Domain.Configuration;
using LeadGrains.Host.Demo;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Reps;
using Microsoft.Extensions.Hosting.Internal;

namespace LeadGrains.Api.Tests.Demo;

public sealed class DemoTeamTests
{
    [Fact]
    public void Demo_configuration_is_valid_and_short_enough_to_show_breaches()
    {
        var config = DemoTeam.Config(version: 1);

        Assert.True(EngineConfigValidator.Validate(config).IsValid, EngineConfigValidator.Validate(config).ToString());
        Assert.Equal(DemoTeam.Pools, config.Routing.Pools.Select(pool => pool.Id));
        Assert.Null(config.Routing.Pools[^1].Match);
        Assert.True(config.Sla.FirstTouch.High <= TimeSpan.FromMinutes(5));
        Assert.True(config.Sla.FirstTouch.Normal <= TimeSpan.FromMinutes(10));
        Assert.All(config.Sla.Stall.Values, stall => Assert.True(stall <= TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Demo_reps_are_valid_varied_and_cover_every_pool()
    {
        Assert.InRange(DemoTeam.Reps.Count, 8, 12);
        Assert.All(DemoTeam.Reps, pair =>
        {
            Assert.True(RepRequestValidator.IsRepId(pair.RepId));
            Assert.True(RepRequestValidator.Validate(pair.Rep).IsValid, pair.RepId);
            Assert.Subset(DemoTeam.Pools.ToHashSet(), pair.Rep.Pools!.ToHashSet());
        });
        Assert.All(DemoTeam.Pools, pool => Assert.Contains(DemoTeam.Reps, pair => pair.Rep.Pools!.Contains(pool) && pair.RepId != DemoTeam.OnLeave));
        Assert.Contains(DemoTeam.Reps, pair => pair.RepId == DemoTeam.OnLeave);
        Assert.True(DemoTeam.Reps.Select(pair => pair.Rep.Weight).Distinct().Count() > 1);
        Assert.True(DemoTeam.Reps.Select(pair => pair.Rep.Capacity).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("Production", StorageKind.Postgres, 2.0, false)]
    [InlineData("Production", StorageKind.Memory, 2.0, true)]
    [InlineData("Development", StorageKind.Postgres, 2.0, true)]
    [InlineData("Development", StorageKind.Memory, 0.0, false)]
    [InlineData("Development", StorageKind.Memory, 501.0, false)]
    public void Demo_mode_is_refused_where_it_would_pollute_real_data(string environment, StorageKind storage, double rate, bool allowed)
    {
        var validator = new DemoOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new LeadGrainsOptions { Demo = true, Storage = storage, DemoRate = rate });

        Assert.Equal(allowed, result.Succeeded);
        Assert.True(allowed || (result.FailureMessage ?? "").Contains("LeadGrains:Demo", StringComparison.Ordinal));
    }
}

using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Tests.Configuration;

public sealed class EngineConfigValidatorTests
{
    [Fact]
    public void Default_configuration_is_valid()
    {
        var errors = EngineConfigValidator.Validate(DefaultConfig.Create());

        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void Every_error_is_reported_with_its_path()
    {
        var config = DefaultConfig.Create();
        config = config with
        {
            Scoring = config.Scoring with
            {
                Fit = [.. config.Scoring.Fit, new FitRule { Id = "bad", Field = "shoeSize", EqualsAny = ["42"], Points = 5000 }],
                FastTrack = ["telepathy"],
                HalfLife = TimeSpan.Zero,
            },
            Routing = config.Routing with { SdrPool = "nobody" },
            Sla = config.Sla with { WarningFraction = 1.5, MaxBreaches = 0 },
        };

        var errors = EngineConfigValidator.Validate(config).ToDictionary();

        Assert.Equal(
            ["routing.sdrPool", "scoring.fastTrack[0]", "scoring.fit[9].field", "scoring.fit[9].points", "scoring.halfLife", "sla.maxBreaches", "sla.warningFraction"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Duplicate_rule_and_pool_ids_are_refused()
    {
        var config = DefaultConfig.Create();
        config = config with
        {
            Scoring = config.Scoring with { Fit = [config.Scoring.Fit[0], config.Scoring.Fit[0]] },
            Routing = config.Routing with { Pools = [new PoolRule { Id = "a" }, new PoolRule { Id = "a" }] },
        };

        var errors = EngineConfigValidator.Validate(config).ToDictionary();

        Assert.Contains("scoring.fit[1].id", errors.Keys);
        Assert.Contains("routing.pools[1].id", errors.Keys);
    }
}

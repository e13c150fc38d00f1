using LeadGrains.Abstractions.Configuration;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Reps;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Reps;
using LeadGrains.Host.Reps;

namespace LeadGrains.Host.Demo;

/// <summary>What seeding did, for the log line that says so.</summary>
public sealed record DemoSeedResult(bool ConfigInstalled, long ConfigVersion, int Reps, DateTimeOffset? LeaveUntil);

/// <summary>
/// Installs <see cref="DemoTeam"/> through the same services and validation as <c>PUT /config</c> and
/// <c>PUT /reps/{repId}</c>. An operator's configuration is never replaced: the demo one goes in only
/// while the live configuration is still the shipped default (version 1, never saved), and the
/// version check of the config grain makes that safe against a concurrent change.
/// </summary>
public sealed partial class DemoSeeding(LiveConfig config, RepDirectory reps, TimeProvider time, ILogger<DemoSeeding> logger)
{
    public async Task<DemoSeedResult> SeedAsync()
    {
        var (installed, version) = await InstallConfigAsync();
        var seeded = 0;
        foreach (var (repId, rep) in DemoTeam.Reps)
        {
            var errors = RepRequestValidator.Validate(rep);
            errors.AddIf(!RepRequestValidator.IsRepId(repId), "repId", "is not a rep id.");
            if (!errors.IsValid)
            {
                LogRefused(logger, $"rep {repId}", errors.ToString());
                continue;
            }
            await reps.UpsertAsync(repId, rep.ToProfile());
            seeded++;
        }
        var leave = new AvailabilityRequest { Available = false, Until = time.GetUtcNow() + DemoTeam.LeaveLength };
        var leaveErrors = RepRequestValidator.Validate(leave, time.GetUtcNow());
        if (!leaveErrors.IsValid)
        {
            LogRefused(logger, $"availability of {DemoTeam.OnLeave}", leaveErrors.ToString());
            return new DemoSeedResult(installed, version, seeded, null);
        }
        await reps.SetAvailabilityAsync(DemoTeam.OnLeave, new Availability(false, leave.Until));
        return new DemoSeedResult(installed, version, seeded, leave.Until);
    }

    private async Task<(bool Installed, long Version)> InstallConfigAsync()
    {
        var live = await config.GetAsync();
        if (live.Version != DefaultConfig.Create().Version)
        {
            LogKeptConfig(logger, live.Version, string.Join(", ", live.Routing.Pools.Select(pool => pool.Id)));
            return (false, live.Version);
        }
        var update = await config.UpdateAsync(DemoTeam.Config(live.Version));
        switch (update.Outcome)
        {
            case ConfigUpdateOutcome.Updated:
                return (true, update.Current.Version);
            case ConfigUpdateOutcome.StaleVersion:
                LogKeptConfig(logger, update.Current.Version, string.Join(", ", update.Current.Routing.Pools.Select(pool => pool.Id)));
                return (false, update.Current.Version);
            default:
                LogRefused(logger, "configuration", string.Join("; ", update.Errors!.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")));
                return (false, update.Current.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: the live configuration (version {Version}, pools {Pools}) is not the shipped default, so it is kept; demo reps are in pools na, emea, apac and general")]
    private static partial void LogKeptConfig(ILogger logger, long version, string pools);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: validation refused the demo {What}: {Errors}")]
    private static partial void LogRefused(ILogger logger, string what, string errors);
}

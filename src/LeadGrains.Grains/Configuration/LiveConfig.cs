using LeadGrains.Abstractions.Configuration;
using LeadGrains.Domain.Configuration;

namespace LeadGrains.Grains.Configuration;

/// <summary>
/// This silo's copy of the live configuration, so that scoring a lead does not cost a call to the
/// config grain. A change made through this silo is seen at once; one made through another silo
/// within <see cref="MaxAge"/>.
/// </summary>
public sealed class LiveConfig(IGrainFactory grains)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private volatile Snapshot? _snapshot;

    public async ValueTask<EngineConfig> GetAsync()
    {
        var snapshot = _snapshot;
        // Monotonic wall time on purpose: cache age is not business time, which tests may freeze.
        if (snapshot is not null && Environment.TickCount64 - snapshot.LoadedAt < MaxAge.TotalMilliseconds)
        {
            return snapshot.Config;
        }
        var config = await grains.GetGrain<IConfigGrain>(IConfigGrain.Key).GetAsync();
        Set(config);
        return config;
    }

    public async Task<ConfigUpdate> UpdateAsync(EngineConfig proposed)
    {
        var update = await grains.GetGrain<IConfigGrain>(IConfigGrain.Key).UpdateAsync(proposed);
        Set(update.Current);
        return update;
    }

    private void Set(EngineConfig config)
    {
        var current = _snapshot;
        if (current is null || config.Version >= current.Config.Version)
        {
            _snapshot = new Snapshot(config, Environment.TickCount64);
        }
    }

    private sealed record Snapshot(EngineConfig Config, long LoadedAt);
}

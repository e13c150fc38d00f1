using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Configuration;
using LeadGrains.Domain.Configuration;

namespace LeadGrains.Grains.Configuration;

public sealed class ConfigGrain(
    [PersistentState("config", StorageNames.Config)] IPersistentState<EngineConfig> state) : Grain, IConfigGrain
{
    public Task<EngineConfig> GetAsync() => Task.FromResult(Current);

    public async Task<ConfigUpdate> UpdateAsync(EngineConfig proposed)
    {
        if (proposed.Version != Current.Version)
        {
            return new ConfigUpdate(ConfigUpdateOutcome.StaleVersion, Current);
        }
        var errors = EngineConfigValidator.Validate(proposed);
        if (!errors.IsValid)
        {
            return ConfigUpdate.Invalid(Current, errors);
        }
        state.State = proposed with { Version = Current.Version + 1 };
        await state.WriteStateAsync();
        return new ConfigUpdate(ConfigUpdateOutcome.Updated, state.State);
    }

    // Until an operator saves one, the shipped default model is the configuration.
    private EngineConfig Current => state.RecordExists ? state.State : DefaultConfig.Create();
}

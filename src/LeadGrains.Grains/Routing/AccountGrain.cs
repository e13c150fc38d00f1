using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Routing;

namespace LeadGrains.Grains.Routing;

public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Indexes)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public Task<string?> GetOwnerAsync() => Task.FromResult(state.State.OwnerRepId);

    public async Task<string> ClaimAsync(string repId)
    {
        if (state.State.OwnerRepId is { } owner)
        {
            return owner;
        }
        state.State.OwnerRepId = repId;
        await state.WriteStateAsync();
        return repId;
    }
}

[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)] public string? OwnerRepId { get; set; }
}

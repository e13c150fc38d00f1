using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;

namespace LeadGrains.Grains.Leads;

public sealed class LeadIndexGrain(
    [PersistentState("leadIndex", StorageNames.Indexes)] IPersistentState<LeadIndexEntry> state) : Grain, ILeadIndexGrain
{
    public async Task<string> ClaimAsync(string candidateLeadId)
    {
        if (state.State.LeadId is { } existing)
        {
            return existing;
        }
        state.State = new LeadIndexEntry { LeadId = candidateLeadId };
        await state.WriteStateAsync();
        return candidateLeadId;
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.LeadId);
}

[GenerateSerializer]
public sealed class LeadIndexEntry
{
    [Id(0)] public string? LeadId { get; set; }
}

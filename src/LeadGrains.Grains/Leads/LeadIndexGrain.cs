using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Leads;

namespace LeadGrains.Grains.Leads;

/// <summary>
/// Binds an email or CRM id to its lead. Used when a lead is captured or looked up by email, so an
/// index entry is collected soon after: resident memory belongs to the leads themselves.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
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

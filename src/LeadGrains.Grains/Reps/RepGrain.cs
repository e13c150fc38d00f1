using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Reps;
using LeadGrains.Domain.Reps;

namespace LeadGrains.Grains.Reps;

public sealed class RepGrain(
    [PersistentState("rep", StorageNames.Reps)] IPersistentState<RepState> state,
    TimeProvider time) : Grain, IRepGrain
{
    private RepState Rep => state.State;

    public async Task<RepUpdate> UpsertAsync(RepProfile profile)
    {
        var left = Rep.Profile?.Pools.Except(profile.Pools, StringComparer.Ordinal).ToList() ?? [];
        Rep.Profile = profile;
        await SaveAsync();
        return Update(left);
    }

    public async Task<RepUpdate?> SetAvailabilityAsync(Availability availability)
    {
        if (Rep.Profile is null)
        {
            return null;
        }
        Rep.Availability = availability;
        await SaveAsync();
        return Update([]);
    }

    public Task<RepView?> GetAsync() => Task.FromResult(Rep.Profile is null ? null : View());

    public async Task<AcceptResult> TryAcceptAsync(string leadId)
    {
        if (Rep.Profile is not { } profile)
        {
            return new AcceptResult(false, null, "unknown_rep");
        }
        if (Rep.OpenLeads.Contains(leadId))
        {
            return new AcceptResult(true, Snapshot(), null);
        }
        var refusal = !profile.Active ? "inactive"
            : !Rep.Availability.IsAvailableAt(time.GetUtcNow()) ? "out_of_office"
            : Rep.OpenLeads.Count >= profile.Capacity ? "at_capacity"
            : null;
        if (refusal is not null)
        {
            return new AcceptResult(false, Snapshot(), refusal);
        }
        Rep.OpenLeads.Add(leadId);
        await SaveAsync();
        return new AcceptResult(true, Snapshot(), null);
    }

    public async Task<RepSnapshot?> ReleaseAsync(string leadId)
    {
        if (Rep.Profile is null)
        {
            return null;
        }
        if (Rep.OpenLeads.Remove(leadId))
        {
            await SaveAsync();
        }
        return Snapshot();
    }

    private async Task SaveAsync()
    {
        Rep.Revision++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private RepUpdate Update(IReadOnlyList<string> leftPools) => new(View(), Snapshot(), leftPools);

    private RepView View() => new()
    {
        RepId = this.GetPrimaryKeyString(),
        Profile = Rep.Profile!,
        OpenLeads = Rep.OpenLeads.Count,
        Available = Rep.Profile!.Active && Rep.Availability.IsAvailableAt(time.GetUtcNow()),
        Availability = Rep.Availability,
        LeadIds = [.. Rep.OpenLeads.Order(StringComparer.Ordinal)],
    };

    private RepSnapshot Snapshot() => new()
    {
        RepId = this.GetPrimaryKeyString(),
        Pools = Rep.Profile!.Pools,
        Weight = Rep.Profile.Weight,
        Capacity = Rep.Profile.Capacity,
        OpenLeads = Rep.OpenLeads.Count,
        Active = Rep.Profile.Active,
        Availability = Rep.Availability,
        Territories = Rep.Profile.Territories,
        Revision = Rep.Revision,
    };
}

[GenerateSerializer]
public sealed class RepState
{
    [Id(0)] public RepProfile? Profile { get; set; }
    [Id(1)] public Availability Availability { get; set; } = Availability.Present;
    [Id(2)] public HashSet<string> OpenLeads { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long Revision { get; set; }
}

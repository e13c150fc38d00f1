using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Reports;
using LeadGrains.Domain.Reports;

namespace LeadGrains.Grains.Reports;

[GenerateSerializer]
public sealed class ReportDayState
{
    [Id(0)] public Dictionary<ReportDims, ReportCounters> Buckets { get; set; } = [];
    [Id(1)] public AppliedBatches Applied { get; set; } = new();
}

public sealed class ReportDayGrain(
    [PersistentState("report-day", StorageNames.Reports)] IPersistentState<ReportDayState> state) : Grain, IReportDayGrain
{
    public async Task AddAsync(string feedId, long sequence, Dictionary<ReportDims, ReportCounters> buckets)
    {
        if (state.State.Applied.Contains(feedId, sequence))
        {
            return;
        }
        foreach (var (dims, counters) in buckets)
        {
            if (!state.State.Buckets.TryGetValue(dims, out var stored))
            {
                state.State.Buckets[dims] = stored = new ReportCounters();
            }
            stored.Merge(counters);
        }
        state.State.Applied.Add(feedId, sequence);
        await WriteOrReloadAsync(state);
    }

    public Task<IReadOnlyList<ReportBucket>> ReadAsync(ReportFilter filter)
    {
        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult<IReadOnlyList<ReportBucket>>(
            [.. state.State.Buckets.Where(pair => filter.Matches(pair.Key)).Select(pair => new ReportBucket(day, pair.Key, pair.Value))]);
    }

    /// <summary>A failed write leaves memory ahead of storage: reload, so the sender's retry is applied once.</summary>
    internal static async Task WriteOrReloadAsync<T>(IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}

[GenerateSerializer]
public sealed class CurrentLeadsState
{
    [Id(0)] public Dictionary<ReportSlot, long> Slots { get; set; } = [];
    [Id(1)] public AppliedBatches Applied { get; set; } = new();
}

public sealed class CurrentLeadsGrain(
    [PersistentState("report-current", StorageNames.Reports)] IPersistentState<CurrentLeadsState> state) : Grain, ICurrentLeadsGrain
{
    public async Task AddAsync(string feedId, long sequence, Dictionary<ReportSlot, long> moves)
    {
        if (state.State.Applied.Contains(feedId, sequence))
        {
            return;
        }
        foreach (var (slot, count) in moves)
        {
            var total = state.State.Slots.GetValueOrDefault(slot) + count;
            if (total == 0)
            {
                state.State.Slots.Remove(slot);
            }
            else
            {
                state.State.Slots[slot] = total;
            }
        }
        state.State.Applied.Add(feedId, sequence);
        await ReportDayGrain.WriteOrReloadAsync(state);
    }

    public Task<Dictionary<ReportSlot, long>> ReadAsync() => Task.FromResult(new Dictionary<ReportSlot, long>(state.State.Slots));
}

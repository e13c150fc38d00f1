namespace LeadGrains.Storage.Tests;

public interface IProbeGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    Task<ProbeState> GetAsync();

    Task<string?> GetDefaultProviderValueAsync();

    Task ClearAsync();

    Task DeactivateAsync();

    Task<string> RegisterReminderAsync(string name);

    Task<bool> HasReminderAsync(string name);

    Task UnregisterReminderAsync(string name);
}

public interface IProbeTwinGrain : IGrainWithStringKey
{
    Task<string?> GetAsync();
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }

    [Id(1)]
    public int Writes { get; set; }
}

/// <summary>Writes through the named "leads" provider and the default provider; owns reminders.</summary>
public sealed class ProbeGrain(
    [PersistentState("probe", "leads")] IPersistentState<ProbeState> probe,
    [PersistentState("probe-default")] IPersistentState<ProbeState> fallback)
    : Grain, IProbeGrain, IRemindable
{
    public async Task SetAsync(string value)
    {
        probe.State.Value = value;
        probe.State.Writes++;
        await probe.WriteStateAsync();
        fallback.State.Value = value;
        await fallback.WriteStateAsync();
    }

    public Task<ProbeState> GetAsync() => Task.FromResult(probe.State);

    public Task<string?> GetDefaultProviderValueAsync() => Task.FromResult(fallback.State.Value);

    public Task ClearAsync() => probe.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<string> RegisterReminderAsync(string name)
    {
        var reminder = await this.RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        return reminder.ReminderName;
    }

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public async Task UnregisterReminderAsync(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

/// <summary>Another grain type using the same state name and provider as <see cref="ProbeGrain"/>.</summary>
public sealed class ProbeTwinGrain([PersistentState("probe", "leads")] IPersistentState<ProbeState> probe)
    : Grain, IProbeTwinGrain
{
    public Task<string?> GetAsync() => Task.FromResult(probe.State.Value);
}

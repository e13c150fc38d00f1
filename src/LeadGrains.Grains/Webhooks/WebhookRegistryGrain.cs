using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Webhooks;

namespace LeadGrains.Grains.Webhooks;

[GenerateSerializer]
public sealed class WebhookRegistryState
{
    [Id(0)] public Dictionary<string, List<string>> Subscriptions { get; set; } = new(StringComparer.Ordinal);
}

public sealed class WebhookRegistryGrain(
    [PersistentState("webhookRegistry", StorageNames.Config)] IPersistentState<WebhookRegistryState> state) : Grain, IWebhookRegistryGrain
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _snapshot;

    public async Task SetAsync(string subscriptionId, IReadOnlyList<string> eventTypes)
    {
        state.State.Subscriptions[subscriptionId] = [.. eventTypes];
        _snapshot = null;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string subscriptionId)
    {
        if (state.State.Subscriptions.Remove(subscriptionId))
        {
            _snapshot = null;
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync() =>
        Task.FromResult(_snapshot ??= state.State.Subscriptions.ToDictionary(
            pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value], StringComparer.Ordinal));

    public Task WakeAllAsync() =>
        Task.WhenAll(state.State.Subscriptions.Keys.ToList().Select(id => GrainFactory.GetGrain<IWebhookDeliveryGrain>(id).WakeAsync()));
}

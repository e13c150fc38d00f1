using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Webhooks;

namespace LeadGrains.Grains.Webhooks;

[GenerateSerializer]
public sealed class WebhookSubscriptionState
{
    [Id(0)] public WebhookSubscription? Subscription { get; set; }
}

public sealed class WebhookSubscriptionGrain(
    [PersistentState("webhookSubscription", StorageNames.Config)] IPersistentState<WebhookSubscriptionState> state) : Grain, IWebhookSubscriptionGrain
{
    public async Task<bool> PutAsync(WebhookSubscription subscription)
    {
        var created = state.State.Subscription is null;
        state.State.Subscription = subscription;
        await state.WriteStateAsync();
        await Registry.SetAsync(this.GetPrimaryKeyString(), subscription.EventTypes);
        return created;
    }

    private IWebhookRegistryGrain Registry => GrainFactory.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key);

    public Task<WebhookSubscription?> GetAsync() => Task.FromResult(state.State.Subscription);

    public async Task<bool> DeleteAsync()
    {
        if (state.State.Subscription is null)
        {
            return false;
        }
        await state.ClearStateAsync();
        await Registry.RemoveAsync(this.GetPrimaryKeyString());
        return true;
    }
}

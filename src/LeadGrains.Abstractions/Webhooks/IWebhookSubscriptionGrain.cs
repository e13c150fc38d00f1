namespace LeadGrains.Abstractions.Webhooks;

/// <summary>One outbound webhook subscription, keyed by the id its owner chose (DESIGN §7).</summary>
public interface IWebhookSubscriptionGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the subscription; returns whether it was created.</summary>
    Task<bool> PutAsync(WebhookSubscription subscription);

    /// <summary>The subscription, or null when there is none.</summary>
    [ReadOnly]
    Task<WebhookSubscription?> GetAsync();

    /// <summary>Removes the subscription; returns whether there was one.</summary>
    Task<bool> DeleteAsync();
}

/// <param name="Secret">Signs every delivery; never shown again once stored.</param>
[GenerateSerializer, Immutable]
public sealed record WebhookSubscription(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> EventTypes,
    [property: Id(2)] string Secret);

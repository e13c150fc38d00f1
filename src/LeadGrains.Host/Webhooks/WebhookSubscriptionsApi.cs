using LeadGrains.Abstractions.Webhooks;
using LeadGrains.Domain.Validation;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Webhooks;

/// <summary><c>/api/v1/webhooks/subscriptions/{id}</c>: outbound webhook subscriptions (admin).</summary>
public static class WebhookSubscriptionsApi
{
    public const int MinSecretLength = 16;

    public static RouteGroupBuilder MapWebhookSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks/subscriptions").WithTags("Webhooks").RequireAuthorization(ApiScopes.Admin);
        api.MapPut("/{id}", PutAsync).WithSummary("Create or replace a subscription: url, eventTypes, secret");
        api.MapGet("/{id}", GetAsync).WithSummary("A subscription (its secret is never shown)");
        api.MapDelete("/{id}", DeleteAsync).WithSummary("Remove a subscription");
        api.MapGet("/{id}/deliveries", DeliveriesAsync).WithSummary("The delivery log: pending, delivered and dead-lettered, with attempts and the last error");
        api.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync).WithSummary("Requeue a dead-lettered delivery");
        return api;
    }

    public static async Task<Results<Created<SubscriptionView>, Ok<SubscriptionView>, ValidationProblem>> PutAsync(
        string id, SubscriptionRequest request, IGrainFactory grains, IOptions<LeadGrainsOptions> options, IHostEnvironment environment)
    {
        var errors = new ValidationErrors();
        errors.AddIf(!IsWellFormed(id), "id", "must be 1-64 letters, digits, '-' or '_'.");
        var allowPrivate = options.Value.Webhooks.AllowPrivateNetworks ?? environment.IsDevelopment();
        if (OutboundUrlPolicy.Refusal(request.Url, allowPrivate) is { } refusal)
        {
            errors.Add("url", refusal);
        }
        errors.AddIf(request.EventTypes is not { Count: > 0 }, "eventTypes", "must name at least one event type.");
        foreach (var type in (request.EventTypes ?? []).Where(type => !WebhookEvents.All.Contains(type)))
        {
            errors.Add("eventTypes", $"'{(type.Length > 64 ? type[..64] : type)}' is not one of {string.Join(", ", WebhookEvents.All)}.");
        }
        errors.AddIf(request.Secret is not { Length: >= MinSecretLength and <= 256 }, "secret", $"must be {MinSecretLength}-256 characters.");
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var subscription = new WebhookSubscription(request.Url!, [.. request.EventTypes!.Distinct(StringComparer.Ordinal)], request.Secret!);
        var view = SubscriptionView.Of(id, subscription);
        return await grains.GetGrain<IWebhookSubscriptionGrain>(id).PutAsync(subscription)
            ? TypedResults.Created($"/api/v1/webhooks/subscriptions/{id}", view)
            : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        IsWellFormed(id) && await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is { } subscription
            ? TypedResults.Ok(SubscriptionView.Of(id, subscription))
            : NotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains) =>
        IsWellFormed(id) && await grains.GetGrain<IWebhookSubscriptionGrain>(id).DeleteAsync()
            ? TypedResults.NoContent()
            : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(string id, IGrainFactory grains) =>
        IsWellFormed(id) && await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is not null
            ? TypedResults.Ok(await grains.GetGrain<IWebhookDeliveryGrain>(id).ListAsync())
            : NotFound(id);

    public static async Task<Results<Accepted, ProblemHttpResult>> RedeliverAsync(string id, string deliveryId, IGrainFactory grains)
    {
        if (!IsWellFormed(id) || await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is null)
        {
            return NotFound(id);
        }
        return await grains.GetGrain<IWebhookDeliveryGrain>(id).RedeliverAsync(deliveryId) switch
        {
            RedeliverOutcome.Requeued => TypedResults.Accepted($"/api/v1/webhooks/subscriptions/{id}/deliveries"),
            RedeliverOutcome.NotDeadLettered => ApiProblems.Conflict("Delivery not dead-lettered", "Only a dead-lettered delivery can be redelivered; this one is pending or was delivered."),
            _ => ApiProblems.NotFound("Delivery not found", $"Subscription '{id}' has no delivery '{(deliveryId.Length > 64 ? deliveryId[..64] : deliveryId)}' in its log."),
        };
    }

    private static ProblemHttpResult NotFound(string id) =>
        ApiProblems.NotFound("Subscription not found", $"No subscription has id '{(id.Length > 64 ? id[..64] : id)}'.");

    private static bool IsWellFormed(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

public sealed record SubscriptionRequest
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? EventTypes { get; init; }
    public string? Secret { get; init; }
}

public sealed record SubscriptionView(string Id, string Url, IReadOnlyList<string> EventTypes)
{
    public static SubscriptionView Of(string id, WebhookSubscription subscription) => new(id, subscription.Url, subscription.EventTypes);
}

using System.Text.Json;
using LeadGrains.Abstractions.Webhooks;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Ingest;
using LeadGrains.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Webhooks;

/// <summary>
/// <c>POST /api/v1/webhooks/crm</c>: the CRM's deliveries {deliveryId, events}, each event an ingest line.
/// No API key: the signature over timestamp and raw body is the credential (DESIGN §7).
/// </summary>
public static class CrmWebhookApi
{
    public const int MaxDeliveryIdLength = 128;

    public static IEndpointRouteBuilder MapCrmWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/webhooks/crm", ReceiveAsync).WithTags("Webhooks").AllowAnonymous()
            .Accepts<CrmDelivery>("application/json")
            .WithSummary($"Inbound CRM delivery, signed in {WebhookSignature.Header}; a repeated deliveryId is acknowledged and applied once");
        return app;
    }

    public static async Task<Results<Ok<CrmDeliveryResult>, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        HttpRequest request, IOptions<LeadGrainsOptions> options, TimeProvider time, IGrainFactory grains, LeadEventIngest ingest,
        CancellationToken cancellationToken)
    {
        var settings = options.Value.CrmWebhook;
        // The raw bytes are read once: the signature covers exactly them, and the JSON is parsed from the same copy.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var check = string.IsNullOrEmpty(settings.Secret)
            ? SignatureCheck.Mismatch
            : WebhookSignature.Verify(request.Headers[WebhookSignature.Header].ToString(), body.Span, settings.Secret, time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return ApiProblems.Unauthorized("Signature refused", check switch
            {
                SignatureCheck.Missing => $"The {WebhookSignature.Header} header is missing.",
                SignatureCheck.Malformed => $"The {WebhookSignature.Header} header is not t=<unix seconds>,v1=<hex HMAC-SHA256>.",
                SignatureCheck.OutsideWindow => $"The signature's timestamp is more than {WebhookSignature.Window.TotalMinutes} minutes from now.",
                _ => "The signature does not match the body.",
            });
        }
        if (Parse(body) is not { } delivery)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = [$"must be {{\"deliveryId\": \"<1-{MaxDeliveryIdLength} characters>\", \"events\": [<ingest lines>]}}."],
            });
        }
        var grain = grains.GetGrain<ICrmDeliveryGrain>(delivery.DeliveryId);
        switch (await grain.ClaimAsync(settings.DeliveryRetention))
        {
            case CrmDeliveryClaim.AlreadyApplied:
                return TypedResults.Ok(new CrmDeliveryResult(delivery.DeliveryId, Duplicate: true, null));
            case CrmDeliveryClaim.InProgress:
                return ApiProblems.Conflict("Delivery in progress", $"Delivery '{delivery.DeliveryId}' is being applied now; send it again later.");
        }
        try
        {
            var summary = await ingest.IngestAsync(Lines(delivery.Events), cancellationToken);
            await grain.RecordAppliedAsync();
            return TypedResults.Ok(new CrmDeliveryResult(delivery.DeliveryId, Duplicate: false, summary));
        }
        catch
        {
            await grain.ReleaseAsync();
            throw;
        }
    }

    private static CrmDelivery? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("deliveryId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= MaxDeliveryIdLength } deliveryId && !deliveryId.Any(char.IsControl)
                && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array
                ? new CrmDelivery(deliveryId, [.. events.EnumerateArray().Select(line => line.Clone())])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<IngestItem> Lines(IReadOnlyList<JsonElement> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            yield return new IngestItem(i + 1, events[i]);
        }
        await Task.CompletedTask;
    }
}

public sealed record CrmDelivery(string DeliveryId, IReadOnlyList<JsonElement> Events);

/// <summary>What became of a delivery: applied now (with a result per event), or a repeat acknowledged without applying.</summary>
public sealed record CrmDeliveryResult(string DeliveryId, bool Duplicate, IngestSummary? Results);

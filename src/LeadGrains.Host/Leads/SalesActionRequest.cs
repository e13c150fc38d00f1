using System.Text.Json;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Validation;

namespace LeadGrains.Host.Leads;

/// <summary>A sales action on the wire (DESIGN §8): <c>eventId</c>, <c>action</c>, <c>repId</c>, <c>reason</c>, <c>amount</c>, <c>occurredAt</c>.</summary>
public sealed record SalesActionRequest
{
    public string? EventId { get; init; }
    public string? Action { get; init; }
    public string? RepId { get; init; }
    public string? Reason { get; init; }
    public decimal? Amount { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
}

public static class SalesActionValidator
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly Dictionary<string, SalesActionType> Actions = Enum.GetValues<SalesActionType>()
        .ToDictionary(action => JsonNamingPolicy.SnakeCaseLower.ConvertName(action.ToString()), StringComparer.Ordinal);

    private static readonly SalesActionType[] NeedReason = [SalesActionType.Reject, SalesActionType.Lost, SalesActionType.ReturnToMarketing];

    public static ValidationErrors Validate(SalesActionRequest request, DateTimeOffset now, out SalesActionType action)
    {
        var errors = new ValidationErrors();
        errors.CheckText("eventId", request.EventId, LeadRequestValidator.MaxEventIdLength, required: true);
        errors.CheckText("repId", request.RepId, 64, required: true);
        errors.CheckText("reason", request.Reason, LeadRequestValidator.MaxText);
        action = default;
        if (request.Action is null || !Actions.TryGetValue(request.Action, out action))
        {
            errors.Add("action", $"must be one of {string.Join(", ", Actions.Keys)}.");
            return errors;
        }
        errors.AddIf(NeedReason.Contains(action) && string.IsNullOrWhiteSpace(request.Reason), "reason", $"is required for {request.Action}.");
        errors.AddIf(action == SalesActionType.Won && request.Amount is null, "amount", "is required for won.");
        errors.AddIf(request.Amount is < 0 or > MaxAmount, "amount", $"must be between 0 and {MaxAmount}.");
        errors.AddIf(request.OccurredAt > now + LeadRequestValidator.MaxSkew, "occurredAt", "must not lie in the future.");
        return errors;
    }
}

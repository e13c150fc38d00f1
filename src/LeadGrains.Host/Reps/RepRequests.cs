using System.Text.RegularExpressions;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Validation;

namespace LeadGrains.Host.Reps;

public sealed record RepRequest
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<string>? Pools { get; init; }
    public int? Capacity { get; init; }
    public int? Weight { get; init; }
    public IReadOnlyList<string>? Territories { get; init; }
    public string? ManagerEmail { get; init; }
    public bool? Active { get; init; }

    public RepProfile ToProfile() => new()
    {
        Name = Name!.Trim(),
        Email = Email?.Trim(),
        Pools = [.. Pools!.Select(pool => pool.Trim()).Distinct(StringComparer.Ordinal)],
        Capacity = Capacity ?? new RepProfile().Capacity,
        Weight = Weight ?? 1,
        Territories = [.. (Territories ?? []).Select(territory => territory.Trim())],
        ManagerEmail = ManagerEmail?.Trim(),
        Active = Active ?? true,
    };
}

public sealed record AvailabilityRequest
{
    public bool? Available { get; init; }
    public DateTimeOffset? Until { get; init; }
}

public static partial class RepRequestValidator
{
    public const int MaxCapacity = 10_000;
    public const int MaxWeight = 1_000;
    public const int MaxPools = 20;

    public static bool IsRepId(string repId) => Identifier().IsMatch(repId);

    public static ValidationErrors Validate(RepRequest request)
    {
        var errors = new ValidationErrors();
        errors.CheckText("name", request.Name, 256, required: true);
        errors.AddIf(request.Email is not null && !EmailAddress.IsValid(request.Email), "email", "is not an email address.");
        errors.AddIf(request.ManagerEmail is not null && !EmailAddress.IsValid(request.ManagerEmail), "managerEmail", "is not an email address.");
        if (request.Pools is not { Count: > 0 } pools)
        {
            errors.Add("pools", "must name at least one pool.");
        }
        else
        {
            errors.AddIf(pools.Count > MaxPools, "pools", $"at most {MaxPools} pools.");
            for (var i = 0; i < pools.Count; i++)
            {
                errors.AddIf(pools[i] is null || !Identifier().IsMatch(pools[i].Trim()), $"pools[{i}]", "must be 1-64 letters, digits, '_', '-' or '.'.");
            }
        }
        errors.AddIf(request.Capacity is < 0 or > MaxCapacity, "capacity", $"must be between 0 and {MaxCapacity}.");
        errors.AddIf(request.Weight is < 1 or > MaxWeight, "weight", $"must be between 1 and {MaxWeight}.");
        if (request.Territories is { } territories)
        {
            errors.AddIf(territories.Count > 50, "territories", "at most 50 territories.");
            for (var i = 0; i < Math.Min(territories.Count, 50); i++)
            {
                errors.CheckText($"territories[{i}]", territories[i], 64, required: true);
            }
        }
        return errors;
    }

    public static ValidationErrors Validate(AvailabilityRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.Available is null, "available", "is required.");
        errors.AddIf(request.Available == true && request.Until is not null, "until", "only applies when available is false.");
        errors.AddIf(request.Until <= now, "until", "must lie in the future.");
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Identifier();
}

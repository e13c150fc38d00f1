using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Leads;
using LeadGrains.Host.Leads;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Ingest;

/// <summary>
/// Applies a stream of captures, activities and sales actions (DESIGN §8), a result per line. Lines run
/// on <see cref="Lanes"/> lanes at once; every line for one lead key (its email or lead id) takes the same
/// lane, so lines about one lead apply in the order they were sent. A capture and a later line naming
/// the same lead by id rather than email may take different lanes: send them in separate batches if
/// their order matters. Each result is known only once its grain call has stored the change.
/// </summary>
public sealed class LeadEventIngest(LeadIntake intake, IGrainFactory grains, LiveConfig config, TimeProvider time, IOptions<JsonOptions> json)
{
    public const int Lanes = 16;
    private const int LaneCapacity = 64;

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public async Task<IngestSummary> IngestAsync(IAsyncEnumerable<IngestItem> items, CancellationToken cancellationToken)
    {
        var live = await config.GetAsync();
        var results = new ConcurrentQueue<IngestLineResult>();
        var lanes = Enumerable.Range(0, Lanes)
            .Select(_ => Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var workers = lanes.Select(lane => Task.Run(async () =>
        {
            await foreach (var item in lane.Reader.ReadAllAsync(CancellationToken.None))
            {
                results.Enqueue(await ApplyAsync(item, live));
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                await lanes[LaneOf(item)].Writer.WriteAsync(item, cancellationToken);
            }
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete();
            }
            // Lines already handed to a lane finish either way: a grain call is not abandoned half way.
            await Task.WhenAll(workers);
        }
        return IngestSummary.Of(results);
    }

    private static int LaneOf(IngestItem item)
    {
        var key = item.Json is { ValueKind: JsonValueKind.Object } line
            ? Text(line, "leadId") ?? Text(line, "email")?.Trim().ToLowerInvariant() ?? ""
            : "";
        return (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Lanes);
    }

    private async Task<IngestLineResult> ApplyAsync(IngestItem item, EngineConfig live)
    {
        if (item.Json is not { ValueKind: JsonValueKind.Object } line)
        {
            return IngestLineResult.Rejected(item.Line, "line", item.ReadError ?? "must be a JSON object.");
        }
        try
        {
            return Text(line, "kind") switch
            {
                IngestKinds.Capture => await CaptureAsync(item.Line, line),
                IngestKinds.Activity => await RecordActivityAsync(item.Line, line, live),
                IngestKinds.SalesAction => await ApplySalesActionAsync(item.Line, line),
                _ => IngestLineResult.Rejected(item.Line, "kind", $"must be one of {IngestKinds.Capture}, {IngestKinds.Activity}, {IngestKinds.SalesAction}."),
            };
        }
        catch (JsonException error)
        {
            return IngestLineResult.Rejected(item.Line, error.Path is { Length: > 2 } path ? path[2..] : "line", error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One line that could not be applied (a storage failure, say) is reported, and the rest go on.
            return IngestLineResult.Rejected(item.Line, "line", $"could not be applied, send it again: {error.Message}");
        }
    }

    private async Task<IngestLineResult> CaptureAsync(int number, JsonElement line)
    {
        var request = line.Deserialize<LeadCaptureRequest>(_json)!;
        var errors = LeadRequestValidator.Validate(request, time.GetUtcNow());
        if (!errors.IsValid)
        {
            return new IngestLineResult(number, IngestOutcome.Rejected, Errors: errors.ToDictionary());
        }
        var result = await intake.CaptureAsync(request.ToProfile(), request.CapturedAt);
        return new IngestLineResult(number, IngestOutcome.Accepted, result.Lead.LeadId);
    }

    private async Task<IngestLineResult> RecordActivityAsync(int number, JsonElement line, EngineConfig live)
    {
        var request = line.Deserialize<ActivityRequest>(_json)!;
        var now = time.GetUtcNow();
        var errors = LeadRequestValidator.Validate(request, live.Scoring, now);
        if (!errors.IsValid)
        {
            return new IngestLineResult(number, IngestOutcome.Rejected, Errors: errors.ToDictionary());
        }
        var (leadId, refused) = await ResolveAsync(number, line);
        if (refused is not null)
        {
            return refused;
        }
        var activity = new ActivityRecord(request.EventId!.Trim(), request.Type!, request.OccurredAt ?? now);
        return await grains.GetGrain<ILeadGrain>(leadId!).RecordActivityAsync(activity) switch
        {
            null => IngestLineResult.Rejected(number, "leadId", "names no lead."),
            { Duplicate: true } => new IngestLineResult(number, IngestOutcome.Duplicate, leadId),
            _ => new IngestLineResult(number, IngestOutcome.Accepted, leadId),
        };
    }

    private async Task<IngestLineResult> ApplySalesActionAsync(int number, JsonElement line)
    {
        var request = line.Deserialize<SalesActionRequest>(_json)!;
        var now = time.GetUtcNow();
        var errors = SalesActionValidator.Validate(request, now, out var action);
        if (!errors.IsValid)
        {
            return new IngestLineResult(number, IngestOutcome.Rejected, Errors: errors.ToDictionary());
        }
        var (leadId, refused) = await ResolveAsync(number, line);
        if (refused is not null)
        {
            return refused;
        }
        var record = new SalesActionRecord(request.EventId!.Trim(), action, request.RepId!.Trim(), request.Reason?.Trim(), request.Amount, request.OccurredAt ?? now);
        return await grains.GetGrain<ILeadGrain>(leadId!).ApplySalesActionAsync(record) switch
        {
            null => IngestLineResult.Rejected(number, "leadId", "names no lead."),
            { Result: SalesActionResult.Duplicate } => new IngestLineResult(number, IngestOutcome.Duplicate, leadId),
            { Result: SalesActionResult.NotOwner or SalesActionResult.NotAllowed } response => IngestLineResult.Rejected(number, "action", response.Refusal!),
            _ => new IngestLineResult(number, IngestOutcome.Accepted, leadId),
        };
    }

    /// <summary>The lead a line names by <c>leadId</c> or <c>email</c>, or the result that refuses the line.</summary>
    private async Task<(string? LeadId, IngestLineResult? Refused)> ResolveAsync(int number, JsonElement line)
    {
        if (Text(line, "leadId") is { } leadId)
        {
            return LeadIds.IsWellFormed(leadId) ? (leadId, null) : (null, IngestLineResult.Rejected(number, "leadId", "names no lead."));
        }
        if (Text(line, "email") is not { } email)
        {
            return (null, IngestLineResult.Rejected(number, "leadId", "leadId or email is required."));
        }
        if (!EmailAddress.IsValid(email))
        {
            return (null, IngestLineResult.Rejected(number, "email", "is not an email address."));
        }
        return await intake.FindByEmailAsync(email) is { } found
            ? (found, null)
            : (null, IngestLineResult.Rejected(number, "email", "no lead has this email."));
    }

    private static string? Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

public static class IngestKinds
{
    public const string Capture = "capture";
    public const string Activity = "activity";
    public const string SalesAction = "sales_action";
}

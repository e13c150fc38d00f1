using LeadGrains.Abstractions;
using LeadGrains.Abstractions.Webhooks;
using LeadGrains.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadGrains.Grains.Webhooks;

[GenerateSerializer]
public sealed class WebhookDeliveryState
{
    /// <summary>Not yet delivered nor dead-lettered, in the order they were handed over (so in order per lead).</summary>
    [Id(0)] public List<WebhookDeliveryRecord> Pending { get; set; } = [];
    /// <summary>Delivered and dead-lettered, oldest first, capped at <see cref="WebhookDeliveryOptions.LogSize"/>.</summary>
    [Id(1)] public List<WebhookDeliveryRecord> Done { get; set; } = [];
}

[GenerateSerializer]
public sealed class WebhookDeliveryRecord
{
    [Id(0)] public required WebhookDeliveryRequest Request { get; set; }
    [Id(1)] public WebhookDeliveryStatus Status { get; set; }
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(5)] public string? LastError { get; set; }

    public WebhookDeliveryView View() => new(Request.DeliveryId, Request.EventId, Request.Type, Request.LeadId, Status, Attempts,
        Request.OccurredAt, Status == WebhookDeliveryStatus.Pending ? NextAttemptAt : null, CompletedAt, LastError);
}

/// <summary>
/// Retries are driven by a grain timer from the durable queue rather than by an in-process retry pipeline: the attempt
/// count and the next attempt time are stored with each delivery, so a backoff of minutes survives a restart and is
/// never held in a request; an attempt runs in a grain turn, so the queue changes only between attempts. Only the head
/// of each lead's queue is attempted, so a lead's event N+1 waits until N is delivered or dead-lettered; different
/// leads are attempted concurrently. A reminder wakes the queue after a silo is lost while deliveries are pending.
/// </summary>
public sealed partial class WebhookDeliveryGrain(
    [PersistentState("webhookDeliveries", StorageNames.Indexes)] IPersistentState<WebhookDeliveryState> state,
    IWebhookSender sender,
    IOptions<WebhookDeliveryOptions> options,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IRemindable
{
    private const string WakeReminder = "deliver";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    // Retry timing is wall-clock time, whatever clock the business rules run on.
    private readonly TimeProvider _clock = TimeProvider.System;
    private ITimer? _timer;
    private bool? _reminderSet;

    private WebhookDeliveryOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(IReadOnlyList<WebhookDeliveryRequest> deliveries)
    {
        var known = state.State.Pending.Concat(state.State.Done).Select(record => record.Request.DeliveryId).ToHashSet(StringComparer.Ordinal);
        var now = _clock.GetUtcNow();
        var added = deliveries.Where(request => known.Add(request.DeliveryId))
            .Select(request => new WebhookDeliveryRecord { Request = request, NextAttemptAt = now })
            .ToList();
        if (added.Count == 0)
        {
            return;
        }
        state.State.Pending.AddRange(added);
        await state.WriteStateAsync();
        await KeepRemindedAsync();
        Schedule();
    }

    public Task<IReadOnlyList<WebhookDeliveryView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookDeliveryView>>([.. state.State.Pending.Select(record => record.View()),
            .. state.State.Done.AsEnumerable().Reverse().Select(record => record.View())]);

    public async Task<RedeliverOutcome> RedeliverAsync(string deliveryId)
    {
        if (state.State.Pending.Any(record => record.Request.DeliveryId == deliveryId))
        {
            return RedeliverOutcome.NotDeadLettered;
        }
        var record = state.State.Done.FirstOrDefault(record => record.Request.DeliveryId == deliveryId);
        if (record is null)
        {
            return RedeliverOutcome.NotFound;
        }
        if (record.Status != WebhookDeliveryStatus.DeadLettered)
        {
            return RedeliverOutcome.NotDeadLettered;
        }
        state.State.Done.Remove(record);
        record.Status = WebhookDeliveryStatus.Pending;
        record.Attempts = 0;
        record.CompletedAt = null;
        record.NextAttemptAt = _clock.GetUtcNow();
        state.State.Pending.Add(record);
        await state.WriteStateAsync();
        await KeepRemindedAsync();
        Schedule();
        return RedeliverOutcome.Requeued;
    }

    public Task WakeAsync() => PumpAsync();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending.Count == 0)
        {
            await ForgetReminderAsync();
        }
        Schedule();
    }

    private async Task PumpAsync()
    {
        var due = Heads().Where(record => record.NextAttemptAt <= _clock.GetUtcNow()).ToList();
        if (due.Count > 0)
        {
            var subscription = await GrainFactory.GetGrain<IWebhookSubscriptionGrain>(this.GetPrimaryKeyString()).GetAsync();
            var results = await Task.WhenAll(due.Select(record => AttemptAsync(subscription, record)));
            var now = _clock.GetUtcNow();
            for (var i = 0; i < due.Count; i++)
            {
                Record(due[i], results[i], now);
            }
            var overflow = state.State.Done.Count - Math.Max(0, Options.LogSize);
            if (overflow > 0)
            {
                state.State.Done.RemoveRange(0, overflow);
            }
            await state.WriteStateAsync(CancellationToken.None);
        }
        if (state.State.Pending.Count == 0)
        {
            await ForgetReminderAsync();
        }
        Schedule();
    }

    private async Task<WebhookSendResult> AttemptAsync(WebhookSubscription? subscription, WebhookDeliveryRecord record)
    {
        if (subscription is null)
        {
            return new WebhookSendResult("the subscription was removed.");
        }
        try
        {
            var request = record.Request;
            return await sender.SendAsync(new WebhookSendRequest(subscription.Url, subscription.Secret, request.DeliveryId, request.Type, request.Body), CancellationToken.None);
        }
        catch (Exception exception)
        {
            return new WebhookSendResult(exception.Message);
        }
    }

    private void Record(WebhookDeliveryRecord record, WebhookSendResult result, DateTimeOffset now)
    {
        record.Attempts++;
        if (result.Succeeded)
        {
            LeadGrainsMetrics.WebhookDelivered(record.Request.Type);
            Complete(record, WebhookDeliveryStatus.Delivered, now);
            return;
        }
        LeadGrainsMetrics.WebhookFailed(record.Request.Type);
        record.LastError = result.Error;
        if (record.Attempts >= Options.MaxAttempts)
        {
            LogDeadLettered(logger, this.GetPrimaryKeyString(), record.Request.DeliveryId, record.Attempts, result.Error);
            Complete(record, WebhookDeliveryStatus.DeadLettered, now);
            return;
        }
        record.NextAttemptAt = now + Options.RetryDelay(record.Attempts);
    }

    private void Complete(WebhookDeliveryRecord record, WebhookDeliveryStatus status, DateTimeOffset now)
    {
        record.Status = status;
        record.CompletedAt = now;
        record.NextAttemptAt = null;
        state.State.Pending.Remove(record);
        state.State.Done.Add(record);
    }

    /// <summary>The first pending delivery of each lead: the only one of that lead that may be attempted.</summary>
    private IEnumerable<WebhookDeliveryRecord> Heads() =>
        state.State.Pending.GroupBy(record => record.Request.LeadId, StringComparer.Ordinal).Select(lead => lead.First());

    /// <summary>
    /// Wakes this grain, through a call to itself, at the earliest due head; nothing when nothing is pending. A wall-clock
    /// timer rather than a grain timer: grain timers follow the silo's business clock, which tests freeze.
    /// </summary>
    private void Schedule()
    {
        _timer?.Dispose();
        _timer = null;
        var next = Heads().Select(record => record.NextAttemptAt ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (next == DateTimeOffset.MaxValue)
        {
            return;
        }
        var delay = next - _clock.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        // Stay active until then; should the silo go, the reminder wakes the queue elsewhere.
        DelayDeactivation(delay + ReminderPeriod);
        var self = this.AsReference<IWebhookDeliveryGrain>();
        _timer = _clock.CreateTimer(_ => self.WakeAsync().Ignore(), null, delay, Timeout.InfiniteTimeSpan);
    }

    private async Task KeepRemindedAsync()
    {
        if (_reminderSet != true)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, ReminderPeriod, ReminderPeriod);
            _reminderSet = true;
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (_reminderSet == false)
        {
            return;
        }
        var reminder = await this.GetReminder(WakeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderSet = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId}: delivery {DeliveryId} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string subscriptionId, string deliveryId, int attempts, string? error);
}

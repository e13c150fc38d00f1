using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;
using LeadGrains.Grains.Configuration;
using LeadGrains.Grains.Leads;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Leads;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Demo;

/// <summary>
/// Demo mode (DESIGN §9): once the host has started, seeds the demo team, then every second of business
/// time (the injected <see cref="TimeProvider"/>) captures synthetic leads, engages them and has their
/// owning reps act on them, through the services and validation the HTTP API uses. A step that fails
/// is logged and the stream goes on; a stop ends it at the next await.
/// </summary>
public sealed partial class DemoStream(
    DemoSeeding seeding, LeadIntake intake, IGrainFactory grains, LiveConfig config, TimeProvider time,
    IHostApplicationLifetime lifetime, IOptions<LeadGrainsOptions> options, ILogger<DemoStream> logger) : BackgroundService
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    /// <summary>The chance per second that a rep looks at one of their open leads.</summary>
    public const double VisitsPerSecond = 0.35;
    /// <summary>Leads the stream keeps following; the oldest go first, and the engine keeps them all anyway.</summary>
    public const int MaxFollowed = 5_000;

    private readonly LeadGrainsOptions _settings = options.Value;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<FollowedLead> _leads = [];
    private SyntheticFunnel? _funnel;
    private bool _seeded;
    private long _steps;
    private long _actions;

    /// <summary>Completes once the demo is seeded and its clock armed: from then on each step of business time is one step.</summary>
    public Task Running => _running.Task;

    public long Steps => Interlocked.Read(ref _steps);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await HostStartedAsync(stoppingToken);
            var start = time.GetUtcNow();
            _funnel = new SyntheticFunnel(_settings.DemoSeed, _settings.DemoRate, start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            LogDemoOn(logger, _settings.DemoRate, _settings.DemoSeed);
            await SeedAsync();
            using var timer = new PeriodicTimer(Step, time);
            _running.TrySetResult();
            var last = start;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetUtcNow();
                try
                {
                    await StepAsync(now - last, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogStepFailed(logger, "step", error);
                }
                last = now;
                if (Interlocked.Increment(ref _steps) % 60 == 0)
                {
                    LogProgress(logger, _funnel.LeadsGenerated, Interlocked.Read(ref _actions), _leads.Count(lead => !lead.Stage.IsMarketing()));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger, _funnel?.LeadsGenerated ?? 0, Interlocked.Read(ref _actions));
        }
        finally
        {
            _running.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task SeedAsync()
    {
        try
        {
            var seeded = await seeding.SeedAsync();
            _seeded = true;
            LogSeeded(logger, seeded.ConfigInstalled ? "installed" : "kept", seeded.ConfigVersion, seeded.Reps, DemoTeam.OnLeave, seeded.LeaveUntil);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogStepFailed(logger, "seeding (retried next step)", error);
        }
    }

    private async Task StepAsync(TimeSpan elapsed, CancellationToken stoppingToken)
    {
        if (!_seeded)
        {
            await SeedAsync();
        }
        var funnel = _funnel!;
        var scoring = (await config.GetAsync()).Scoring;
        var due = funnel.LeadsDue(elapsed);
        for (var i = 0; i < due; i++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var lead = funnel.NextLead();
            if (await GuardedAsync("capture", () => CaptureAsync(lead)) is { } followed)
            {
                for (var visit = funnel.FirstVisitLength(lead.Intent); visit > 0; visit--)
                {
                    await GuardedAsync("activity", () => EngageAsync(followed, funnel.NextActivity(lead.Intent), scoring));
                }
            }
        }
        var marketing = _leads.Where(lead => lead.Stage.IsMarketing()).ToList();
        for (var i = 0; i < due && marketing.Count > 0; i++)
        {
            var lead = marketing[funnel.PickRecent(marketing.Count)];
            await GuardedAsync("activity", () => EngageAsync(lead, funnel.NextActivity(lead.Lead.Intent), scoring));
        }
        var visitChance = Math.Min(1, VisitsPerSecond * elapsed.TotalSeconds);
        foreach (var lead in _leads.Where(lead => !lead.Stage.IsMarketing() && !lead.Stage.IsClosed()).ToList())
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (funnel.Chance(visitChance))
            {
                await GuardedAsync("sales action", () => WorkAsync(lead, funnel));
            }
        }
        _leads.RemoveAll(lead => lead.Stage.IsClosed());
        if (_leads.Count > MaxFollowed)
        {
            _leads.RemoveRange(0, _leads.Count - MaxFollowed);
        }
    }

    private async Task<FollowedLead?> CaptureAsync(SyntheticLead lead)
    {
        var errors = LeadRequestValidator.Validate(lead.Capture, time.GetUtcNow());
        if (!errors.IsValid)
        {
            LogRefused(logger, "capture", errors.ToString());
            return null;
        }
        var captured = await intake.CaptureAsync(lead.Capture.ToProfile(), lead.Capture.CapturedAt);
        var followed = _leads.Find(known => known.LeadId == captured.Lead.LeadId);
        if (followed is null)
        {
            followed = new FollowedLead(captured.Lead.LeadId, lead);
            _leads.Add(followed);
        }
        followed.Stage = captured.Lead.Stage;
        return followed;
    }

    private async Task<FollowedLead?> EngageAsync(FollowedLead lead, ActivityRequest request, ScoringModel scoring)
    {
        var now = time.GetUtcNow();
        var errors = LeadRequestValidator.Validate(request, scoring, now);
        if (!errors.IsValid)
        {
            LogRefused(logger, "activity", errors.ToString());
            return null;
        }
        var activity = new ActivityRecord(request.EventId!.Trim(), request.Type!, request.OccurredAt ?? now);
        if (await grains.GetGrain<ILeadGrain>(lead.LeadId).RecordActivityAsync(activity) is { } result)
        {
            lead.Stage = result.Lead.Stage;
        }
        return lead;
    }

    /// <summary>The owning rep's next move: read the lead first, since routing, SLA and stalls move it on their own.</summary>
    private async Task<FollowedLead?> WorkAsync(FollowedLead lead, SyntheticFunnel funnel)
    {
        var grain = grains.GetGrain<ILeadGrain>(lead.LeadId);
        if (await grain.GetAsync() is not { } view)
        {
            return null;
        }
        lead.Stage = view.Stage;
        if (funnel.NextSalesAction(lead.Lead, view.Stage, view.OwnerRepId, view.Breaches) is not { } request)
        {
            return lead;
        }
        var now = time.GetUtcNow();
        var errors = SalesActionValidator.Validate(request, now, out var action);
        if (!errors.IsValid)
        {
            LogRefused(logger, "sales action", errors.ToString());
            return lead;
        }
        var record = new SalesActionRecord(request.EventId!.Trim(), action, request.RepId!.Trim(), request.Reason?.Trim(), request.Amount, request.OccurredAt ?? now);
        if (await grain.ApplySalesActionAsync(record) is { } response)
        {
            lead.Stage = response.Lead.Stage;
            if (response.Result == SalesActionResult.Applied)
            {
                Interlocked.Increment(ref _actions);
            }
        }
        return lead;
    }

    private async Task<T?> GuardedAsync<T>(string what, Func<Task<T?>> operation) where T : class
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogStepFailed(logger, what, error);
            return null;
        }
    }

    private async Task HostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    /// <summary>A lead the stream captured, with the stage it last saw it in.</summary>
    private sealed class FollowedLead(string leadId, SyntheticLead lead)
    {
        public string LeadId { get; } = leadId;
        public SyntheticLead Lead { get; } = lead;
        public LeadStage Stage { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** DEMO MODE is on (LeadGrains:Demo=true): seeding a sales team and streaming synthetic leads, engagement and sales actions at {Rate} leads per second (seed {Seed}). Never point it at real data. ***")]
    private static partial void LogDemoOn(ILogger logger, double rate, int seed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** Demo: demo configuration {Outcome} (live version {Version}; demo pools na, emea, apac, general; first touch high PT2M, normal PT5M; stalls after minutes), {Reps} reps seeded, {OnLeave} out of office until {Until}. Watch /dashboard, GET /api/v1/config and GET /api/v1/reps/na-olivia. ***")]
    private static partial void LogSeeded(ILogger logger, string outcome, long version, int reps, string onLeave, DateTimeOffset? until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: {What} failed; the stream goes on")]
    private static partial void LogStepFailed(ILogger logger, string what, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: validation refused a generated {What}: {Errors}")]
    private static partial void LogRefused(ILogger logger, string what, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Leads} synthetic leads captured and {Actions} sales actions applied so far; {WithSales} followed leads are with sales or sales-ready")]
    private static partial void LogProgress(ILogger logger, long leads, long actions, int withSales);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stopped after {Leads} synthetic leads and {Actions} sales actions")]
    private static partial void LogStopped(ILogger logger, long leads, long actions);
}

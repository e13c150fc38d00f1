namespace LeadGrains.Domain.Leads;

/// <summary>One engagement activity as the lead remembers it: enough to score it at any later moment.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityRecord(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt);

/// <summary>The activity types the default model knows (DESIGN §2); configuration may add more.</summary>
public static class ActivityTypes
{
    public const string PageView = "page_view";
    public const string PricingPageView = "pricing_page_view";
    public const string EmailOpen = "email_open";
    public const string EmailClick = "email_click";
    public const string FormSubmit = "form_submit";
    public const string ContentDownload = "content_download";
    public const string WebinarAttended = "webinar_attended";
    public const string DemoRequest = "demo_request";
    public const string Unsubscribe = "unsubscribe";
    public const string HardBounce = "hard_bounce";
}

// The smallest useful ASP.NET Core app: Kestrel, minimal API routing, a small JSON body read and written,
// and no logging on the request path. It is the denominator of the ingest ratios, so it does nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
app.MapGet("/", () => new Greeting("hello", 0));
// Reads a body shaped like an engagement activity and answers with a small JSON document, as ingest does.
app.MapPost("/", (Activity activity) => new Greeting(activity.Type ?? "hello", activity.EventId?.Length ?? 0));
await app.RunAsync();

/// <summary>What the hello endpoint answers.</summary>
internal sealed record Greeting(string Message, int Length);

/// <summary>An activity-shaped request body.</summary>
internal sealed record Activity(string? EventId, string? Type);

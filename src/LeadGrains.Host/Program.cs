using LeadGrains.Host.Demo;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Storage;

var builder = WebApplication.CreateBuilder(args);
if (DbCommand.IsRequested(args))
{
    return await DbCommand.RunAsync(builder.Configuration, args);
}
if (await StartupCheck.RefuseAsync(builder.Configuration, Console.Error) is { } exitCode)
{
    return exitCode;
}
builder.AddLeadGrainsSilo();
builder.AddLeadGrainsApi();
builder.AddLeadGrainsTelemetry();
builder.AddLeadGrainsShutdown();
builder.AddLeadGrainsDemo();

var app = builder.Build();
app.MapLeadGrainsApi();
await app.RunAsync();
return ExitCodes.Ok;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;

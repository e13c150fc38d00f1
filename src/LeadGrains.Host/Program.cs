using LeadGrains.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLeadGrainsSilo();
builder.AddLeadGrainsApi();

var app = builder.Build();
app.MapLeadGrainsApi();
app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;

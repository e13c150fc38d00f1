using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Host.Health;
using LeadGrains.Operations.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LeadGrains.Operations.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Startup_ready_and_live_answer_without_a_key_once_the_silo_has_joined()
    {
        using var factory = new LeadGrainsApiFactory();
        var client = factory.Client(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.StartupPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.LivePath)).StatusCode);
    }

    [Fact]
    public async Task A_stop_makes_the_host_not_ready_while_it_still_serves_and_before_the_silo_leaves()
    {
        using var factory = new LeadGrainsApiFactory().With("LeadGrains:ShutdownDrainDelay", "00:00:05");
        var client = factory.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode);
        var silo = factory.Services.GetRequiredService<ISiloStatusOracle>();

        var stopping = factory.Services.GetRequiredService<IHost>().StopAsync();

        await Eventually.MatchAsync(async () => (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode,
            status => status == HttpStatusCode.ServiceUnavailable, "ready turns 503");
        Assert.Equal(SiloStatus.Active, silo.CurrentStatus);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.LivePath)).StatusCode);
        await stopping;
        Assert.Equal(SiloStatus.Dead, silo.CurrentStatus);
    }

    [Fact]
    public async Task Liveness_runs_no_health_check_so_it_calls_no_grain_and_no_database()
    {
        var calls = new CheckCalls();
        using var factory = new SpiedFactory(calls);
        var client = factory.Client(apiKey: null);

        var live = await client.GetAsync(HealthSetup.LivePath);
        var livesBeforeReady = calls.Count;
        var ready = await client.GetAsync(HealthSetup.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(0, livesBeforeReady);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task Liveness_answers_while_the_silo_is_stopped_and_readiness_does_not()
    {
        using var factory = new LeadGrainsApiFactory();
        var client = factory.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode);

        await factory.Services.GetRequiredService<Silo>().StopAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthSetup.LivePath)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(HealthSetup.ReadyPath)).StatusCode);
    }

    private sealed class CheckCalls
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Called() => Interlocked.Increment(ref _count);
    }

    /// <summary>Adds a readiness check that counts its calls, standing for any check that would reach a grain or the database.</summary>
    private sealed class SpiedFactory(CheckCalls calls) : LeadGrainsApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHealthChecks().AddCheck("spy", () =>
            {
                calls.Called();
                return HealthCheckResult.Healthy();
            }, tags: ["ready"]));
        }
    }
}

using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Host.Demo;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeadGrains.Api.Tests.Demo;

/// <summary>The real host with <c>LeadGrains:Demo=true</c>, a host of its own so that its team and leads meet no other test's.</summary>
public sealed class DemoApiFactory : LeadGrainsApiFactory
{
    public const int Seed = 2026;
    public const int Rate = 3;

    public DemoApiFactory()
    {
        With("LeadGrains:Demo", "true");
        With("LeadGrains:DemoSeed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("LeadGrains:DemoRate", Rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class DemoModeTests(DemoApiFactory factory, ITestOutputHelper output) : IClassFixture<DemoApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Demo_mode_seeds_a_team_and_moves_the_funnel_within_a_minute()
    {
        var client = factory.Client();
        var stream = factory.Services.GetRequiredService<DemoStream>();
        await stream.Running.WaitAsync(Patience);

        var config = await (await client.GetAsync("/api/v1/config")).JsonAsync();
        Assert.Equal(DemoTeam.Pools, config.GetProperty("routing").GetProperty("pools").EnumerateArray().Select(pool => pool.GetProperty("id").GetString()));
        Assert.Equal("PT2M", config.GetProperty("sla").GetProperty("firstTouch").GetProperty("high").GetString());
        foreach (var (repId, _) in DemoTeam.Reps)
        {
            var rep = await client.GetAsync($"/api/v1/reps/{repId}");
            Assert.Equal(HttpStatusCode.OK, rep.StatusCode);
            Assert.Equal(repId != DemoTeam.OnLeave, (await rep.JsonAsync()).GetProperty("available").GetBoolean());
        }

        for (var second = 1; second <= 60; second++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await EventuallyAsync(() => stream.Steps >= second, $"demo step {second}");
        }

        var predicted = new SyntheticFunnel(DemoApiFactory.Seed);
        var emails = Enumerable.Range(0, 60 * DemoApiFactory.Rate).Select(_ => predicted.NextLead().Capture.Email!).Distinct().ToList();
        var stages = new List<string>();
        foreach (var email in emails)
        {
            var response = await client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            stages.Add((await response.JsonAsync()).GetProperty("stage").GetString()!);
        }
        var seen = string.Join(", ", stages.GroupBy(stage => stage).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key}={group.Count()}"));
        output.WriteLine($"{emails.Count} leads after a minute: {seen}");
        Assert.True(stages.Distinct().Count() >= 4, seen);
        Assert.True(stages.Intersect(["assigned", "working", "opportunity"]).Any(), seen);
        Assert.True(stages.Intersect(["won", "lost"]).Any(), seen);
        Assert.Contains("nurturing", stages);

        var openLeads = 0;
        foreach (var (repId, _) in DemoTeam.Reps)
        {
            openLeads += (await (await client.GetAsync($"/api/v1/reps/{repId}")).JsonAsync()).GetProperty("openLeads").GetInt32();
        }
        Assert.True(openLeads > 0, seen);

        // The reports move with it: the funnel counts every lead the demo captured and its wins.
        var funnel = (await (await client.GetAsync("/api/v1/reports/funnel")).JsonAsync()).GetProperty("data").GetProperty("stages").EnumerateArray()
            .ToDictionary(stage => stage.GetProperty("stage").GetString()!, stage => stage.GetProperty("reached").GetInt64());
        Assert.Equal(emails.Count, funnel["captured"]);
        Assert.Equal(stages.Count(stage => stage == "won"), funnel["won"]);
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }
}

[Collection(ApiCollection.Name)]
public sealed class DemoSwitchTests(LeadGrainsApiFactory factory)
{
    [Fact]
    public void Without_the_switch_no_demo_runs()
    {
        factory.Client().Dispose();

        Assert.Null(factory.Services.GetService<DemoStream>());
    }
}

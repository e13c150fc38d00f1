using System.Diagnostics;
using Npgsql;

namespace LeadGrains.Production.Tests.Hosting;

/// <summary>Reads Orleans' membership table, the one place where silos of a cluster find each other.</summary>
public static class Membership
{
    private const int Active = 3;

    public static async Task WaitForActiveSilosAsync(string connectionString, string clusterId, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var active = 0L;
        while (deadline.Elapsed < timeout)
        {
            active = await CountActiveAsync(connectionString, clusterId);
            if (active == count)
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"Cluster {clusterId} has {active} active silos after {timeout}, not {count}.");
    }

    private static async Task<long> CountActiveAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = $1 AND Status = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clusterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Active });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

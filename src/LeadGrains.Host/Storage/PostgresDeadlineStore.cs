using LeadGrains.Grains.Sla;
using Npgsql;

namespace LeadGrains.Host.Storage;

/// <summary>
/// Each lead's next deadline as one row of <c>leadgrains_deadlines</c> (kind <c>next</c>): an upsert
/// when it moves, a delete when the lead has none, and an index on <c>due_at</c> for the sweeper.
/// </summary>
public sealed class PostgresDeadlineStore(NpgsqlDataSource dataSource) : IDeadlineStore
{
    private const string Kind = "next";

    public async Task SetAsync(string leadId, DateTimeOffset? dueAt, CancellationToken cancellationToken = default)
    {
        await using var command = dueAt is { } due
            ? dataSource.CreateCommand("""
                INSERT INTO leadgrains_deadlines (lead_id, kind, due_at) VALUES ($1, $2, $3)
                ON CONFLICT (lead_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at
                """)
            : dataSource.CreateCommand("DELETE FROM leadgrains_deadlines WHERE lead_id = $1 AND kind = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = leadId });
        command.Parameters.Add(new NpgsqlParameter { Value = Kind });
        if (dueAt is { } at)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT lead_id FROM leadgrains_deadlines WHERE kind = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var due = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(reader.GetString(0));
        }
        return due;
    }
}

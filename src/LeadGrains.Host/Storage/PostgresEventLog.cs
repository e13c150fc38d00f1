using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LeadGrains.Domain.Simulation;
using LeadGrains.Grains.Events;
using Npgsql;

namespace LeadGrains.Host.Storage;

/// <summary>
/// The event log in <c>leadgrains_events</c>, with group commit: every append waits in a queue, and one
/// writer stores everything waiting in a single multi-row INSERT (one round trip, one commit), then
/// completes each waiter. An append is acknowledged only once its row is committed, and under load the
/// cost per event falls with the batch instead of one round trip each.
/// </summary>
public sealed class PostgresEventLog : IEventLog, IAsyncDisposable
{
    public const int MaxBatch = 1_000;

    private const string Insert = """
        INSERT INTO leadgrains_events (occurred_at, lead_id, kind, payload)
        SELECT e.occurred_at, e.lead_id, e.kind, e.payload::jsonb
        FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS e(occurred_at, lead_id, kind, payload, n)
        ORDER BY e.n
        """;

    // Every lead with an event in the window, then each one's whole history to the window's end, lead by lead.
    private const string Select = """
        SELECT e.lead_id, e.kind, e.occurred_at, e.payload::text
        FROM leadgrains_events e
        WHERE e.occurred_at < $2
          AND e.lead_id IN (SELECT w.lead_id FROM leadgrains_events w WHERE w.occurred_at >= $1 AND w.occurred_at < $2 AND w.lead_id IS NOT NULL)
        ORDER BY e.lead_id, e.occurred_at, e.id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _batches;

    public PostgresEventLog(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>How many INSERTs have stored events so far: fewer than the events under concurrent load.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public Task AppendAsync(LeadEvent leadEvent, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(leadEvent.OccurredAt.UtcDateTime, leadEvent.LeadId, leadEvent.Kind, LeadEventJson.Payload(leadEvent));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The event log is shutting down; the change was not stored.");
        }
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<LeadHistory> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(Select);
        command.CommandTimeout = 300;
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? leadId = null;
        var events = new List<LeadEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowLead = reader.GetString(0);
            if (leadId is not null && rowLead != leadId)
            {
                yield return LeadHistory.Of(leadId, events);
                events = [];
            }
            leadId = rowLead;
            var occurredAt = new DateTimeOffset(reader.GetFieldValue<DateTime>(2), TimeSpan.Zero);
            if (LeadEventJson.Read(rowLead, reader.GetString(1), occurredAt, reader.GetString(3)) is { } recorded)
            {
                events.Add(recorded);
            }
        }
        if (leadId is not null)
        {
            yield return LeadHistory.Of(leadId, events);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                await InsertAsync(batch);
                Interlocked.Increment(ref _batches);
                batch.ForEach(pending => pending.Stored.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(pending => pending.Stored.TrySetException(exception));
            }
            batch.Clear();
        }
    }

    private async Task InsertAsync(List<Pending> batch)
    {
        await using var command = _dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(pending => pending.OccurredAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(pending => pending.LeadId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(pending => pending.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(pending => pending.Payload).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(DateTime OccurredAt, string LeadId, string Kind, string Payload)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

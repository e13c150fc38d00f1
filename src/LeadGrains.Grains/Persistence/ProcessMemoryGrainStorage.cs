using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace LeadGrains.Grains.Persistence;

/// <summary>
/// Grain storage for the embedded single-silo default: each grain's state kept in this process,
/// serialized with the grain storage serializer (compact, and never shared with the live object),
/// and ETag-checked like a real store so that a stale write fails the same way. Orleans' own memory
/// provider sends every read and write to a storage grain and keeps a deep copy of the object graph;
/// in one process neither the hop nor the graph is needed. Nothing survives the process.
/// </summary>
public sealed class ProcessMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _states = new();
    private long _lastETag;

    private sealed record Stored(BinaryData Data, string ETag);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var next = new Stored(serializer.Serialize(grainState.State), NextETag());
        var written = grainState.ETag is null
            ? _states.TryAdd(key, next)
            : _states.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _states.TryUpdate(key, next, current);
        if (!written)
        {
            throw Conflict(stateName, grainId, grainState.ETag);
        }
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null
            && !(_states.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _states.TryRemove(KeyValuePair.Create(key, current))))
        {
            throw Conflict(stateName, grainId, grainState.ETag);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"State '{stateName}' of {grainId} changed since it was read (ETag {etag ?? "none"}).");
}

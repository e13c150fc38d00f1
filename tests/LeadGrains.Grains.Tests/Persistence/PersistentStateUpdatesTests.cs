using LeadGrains.Grains.Persistence;
using Orleans.Storage;

namespace LeadGrains.Grains.Tests.Persistence;

public sealed class PersistentStateUpdatesTests
{
    private static bool Add(List<string> events, string item)
    {
        if (events.Contains(item))
        {
            return false;
        }
        events.Add(item);
        return true;
    }

    [Fact]
    public async Task A_write_that_lost_an_etag_race_is_applied_again_to_the_stored_state_and_loses_neither_update()
    {
        var store = new SharedStore();
        var first = await store.ActivateAsync();
        var second = await store.ActivateAsync();
        var runs = 0;

        await first.UpdateAsync(events => Add(events, "first"), changed => changed);
        var changed = await second.UpdateAsync(events => { runs++; return Add(events, "second"); }, changed => changed);

        Assert.True(changed);
        Assert.Equal(2, runs);
        Assert.Equal(["first", "second"], store.Stored);
        Assert.Equal(["first", "second"], second.State);
        Assert.Equal(2, store.Version);
    }

    [Fact]
    public async Task A_command_that_is_no_longer_a_change_after_rereading_is_not_written()
    {
        var store = new SharedStore();
        var first = await store.ActivateAsync();
        var second = await store.ActivateAsync();

        await first.UpdateAsync(events => Add(events, "same-event"), changed => changed);
        var changed = await second.UpdateAsync(events => Add(events, "same-event"), changed => changed);

        Assert.False(changed);
        Assert.Equal(["same-event"], store.Stored);
        Assert.Equal(1, store.Version);
    }

    [Fact]
    public async Task Gives_up_with_the_conflict_after_a_bounded_number_of_attempts()
    {
        var store = new SharedStore { AnotherWriterAlwaysWinsFirst = true };
        var state = await store.ActivateAsync();
        var runs = 0;

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => state.UpdateAsync(events => { runs++; return Add(events, $"try-{runs}"); }, changed => changed));

        Assert.Equal(PersistentStateUpdates.MaxAttempts, runs);
        Assert.DoesNotContain(store.Stored, item => item.StartsWith("try-", StringComparison.Ordinal));
    }

    /// <summary>One stored record with a version as its ETag, as Orleans' ADO.NET storage keeps it.</summary>
    private sealed class SharedStore
    {
        public List<string> Stored { get; private set; } = [];
        public int Version { get; private set; }
        public bool AnotherWriterAlwaysWinsFirst { get; init; }

        public async Task<StoredState> ActivateAsync()
        {
            var state = new StoredState(this);
            await state.ReadStateAsync();
            return state;
        }

        public sealed class StoredState(SharedStore store) : IPersistentState<List<string>>
        {
            public List<string> State { get; set; } = [];
            public string? Etag { get; private set; }
            public bool RecordExists => store.Version > 0;

            public Task ReadStateAsync()
            {
                State = [.. store.Stored];
                Etag = store.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            }

            public Task WriteStateAsync()
            {
                if (store.AnotherWriterAlwaysWinsFirst)
                {
                    store.Stored = [.. store.Stored, $"other-{store.Version}"];
                    store.Version++;
                }
                if (Etag != store.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    throw new InconsistentStateException("Version conflict.", Etag ?? "", store.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                store.Stored = [.. State];
                store.Version++;
                Etag = store.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            }

            public Task ClearStateAsync() => throw new NotSupportedException();
        }
    }
}

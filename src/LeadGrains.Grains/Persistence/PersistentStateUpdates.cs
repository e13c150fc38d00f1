using Orleans.Storage;

namespace LeadGrains.Grains.Persistence;

public static class PersistentStateUpdates
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Applies <paramref name="command"/> to the state and stores the result when <paramref name="isChange"/> says so.
    /// Storage rejects a write whose ETag is stale (another activation wrote in between, or an earlier write was
    /// stored but not acknowledged) with <see cref="InconsistentStateException"/>; then the stored state is read
    /// again and the command applied to it again, so neither that write nor this one is lost. The command may run
    /// more than once, so whatever it asks of other grains must be safe to ask again.
    /// </summary>
    public static Task<TResult> UpdateAsync<TState, TResult>(
        this IPersistentState<TState> state, Func<TState, TResult> command, Func<TResult, bool> isChange) =>
        state.UpdateAsync(current => Task.FromResult(command(current)), isChange);

    /// <inheritdoc cref="UpdateAsync{TState, TResult}(IPersistentState{TState}, Func{TState, TResult}, Func{TResult, bool})"/>
    public static async Task<TResult> UpdateAsync<TState, TResult>(
        this IPersistentState<TState> state, Func<TState, Task<TResult>> command, Func<TResult, bool> isChange)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await command(state.State);
            if (!isChange(result))
            {
                return result;
            }
            try
            {
                await state.WriteStateAsync();
                return result;
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                await state.ReadStateAsync();
            }
        }
    }
}

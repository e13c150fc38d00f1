namespace LeadGrains.Operations.Tests.Hosting;

/// <summary>Polls until a condition holds or a deadline passes: for effects that land after the HTTP answer (spans end, queues drain).</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Within {Deadline.TotalSeconds}s: {what}. Last seen: {Describe(value)}");
            }
            await Task.Delay(50);
        }
    }

    private static string? Describe(object? value) => value is System.Collections.IEnumerable items and not string
        ? string.Join(Environment.NewLine, items.Cast<object>())
        : value?.ToString();
}

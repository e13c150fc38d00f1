namespace LeadGrains.LoadTest.Workloads;

/// <summary>What a load run sends: set up once, then one request per <see cref="SendAsync"/>, from many workers at once.</summary>
public interface IWorkload
{
    /// <summary>The kinds of request this workload sends; <see cref="Outcome.Kind"/> indexes it.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>What a marked outcome means for this workload (for example, a hand-raise answered with the lead assigned).</summary>
    string? Mark => null;

    /// <summary>The kind whose outcomes can be marked; -1 for none.</summary>
    int MarkedKind => -1;

    Task PrepareAsync(CancellationToken cancellationToken);

    Task<Outcome> SendAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One request's fate: its kind, its HTTP status (0 when it got no answer), the NDJSON lines it carried that were
/// applied and rejected, and whether it showed what the workload marks.
/// </summary>
public readonly record struct Outcome(int Kind, int Status, int Lines = 0, int RejectedLines = 0, bool Marked = false)
{
    public bool Ok => Status is >= 200 and < 300;
}

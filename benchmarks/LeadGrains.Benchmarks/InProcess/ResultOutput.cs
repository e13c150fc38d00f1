using LeadGrains.LoadTest;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// <c>--json PATH</c> on any in-process command writes its figures as a <see cref="ResultFile"/> (the shape
/// benchmarks/run-all.sh collects and <c>LeadGrains.LoadTest report</c> renders); without it nothing is written.
/// </summary>
public static class ResultOutput
{
    private static string? _path;

    /// <summary>The arguments without <c>--json PATH</c>, remembering the path.</summary>
    public static string[] Take(string[] args)
    {
        var at = Array.IndexOf(args, "--json");
        if (at < 0 || at + 1 >= args.Length)
        {
            return args;
        }
        _path = args[at + 1];
        return [.. args[..at], .. args[(at + 2)..]];
    }

    public static void Write(string name, string title, string detail, Dictionary<string, double> figures)
    {
        if (_path is not null)
        {
            new ResultFile(name, title, detail, figures).Write(_path);
        }
    }
}

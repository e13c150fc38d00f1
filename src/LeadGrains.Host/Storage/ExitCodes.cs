namespace LeadGrains.Host.Storage;

/// <summary>Exit codes of <c>db init</c>, <c>db check</c> and of a host that refuses to start.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int DatabaseUnreachable = 2;
    public const int SchemaNotCurrent = 3;
}

using Microsoft.AspNetCore.Http.Metadata;

namespace LeadGrains.Host.Problems;

/// <summary>An endpoint's own body limit, in place of <c>LeadGrains:Api:MaxBodyBytes</c> (batch ingest takes more).</summary>
public sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;
}

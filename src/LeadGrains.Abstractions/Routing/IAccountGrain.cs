namespace LeadGrains.Abstractions.Routing;

/// <summary>One account by its domain: one account, one owner (DESIGN §3).</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<string?> GetOwnerAsync();

    /// <summary>Makes <paramref name="repId"/> the owner unless the account has one; returns the owner.</summary>
    Task<string> ClaimAsync(string repId);
}

using Microsoft.Extensions.Caching.Memory;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

/// <summary>
/// The accounts' token versions and roles, as every authenticated request checks them, kept on this
/// API node for one second: a shopper's burst of requests asks the user grain once. A password
/// change on this node forgets the account at once; on the others the second runs out, so an old
/// token is refused everywhere within one second.
/// </summary>
public sealed class AuthStamps(IGrainFactory grains)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // Bounded: a flood of distinct accounts evicts entries instead of growing the node's memory.
    private readonly MemoryCache _stamps = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<AuthStamp?> Get(string userId)
    {
        if (_stamps.TryGetValue(userId, out AuthStamp? stamp))
        {
            return stamp;
        }

        stamp = await grains.Get<IUserGrain>(userId).GetAuthStamp();
        _stamps.Set(userId, stamp, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return stamp;
    }

    public void Forget(string userId) => _stamps.Remove(userId);
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The email index of the previous release: <see cref="UserEmailState"/> under the grain id
/// <c>useremail/{normalized address}</c>, state name <c>email</c>, in the shop's storage. It is read
/// straight from storage, never by activating that grain, so the address does not become a grain id
/// again (in Orleans' logs and the spans of grain calls).
/// <para>
/// Nothing writes it any more, and it is left in place after an account is copied to the new index:
/// clearing would not take the address out of the database (both providers keep a cleared record
/// under its id) and API nodes of the previous release, during a rolling upgrade, still read it.
/// A copied record is never looked at again, so leaving it cannot bring back an old answer.
/// </para>
/// </summary>
public sealed class PreviousEmailIndex(IServiceProvider services, bool exists)
{
    public const string StateName = "email";

    public static readonly GrainType GrainType = GrainType.Create("useremail");

    /// <summary>Memory storage outlives no process, so no earlier release's record can be in it: nothing is read.</summary>
    public static PreviousEmailIndex None(IServiceProvider services) => new(services, exists: false);

    public static PreviousEmailIndex InStorage(IServiceProvider services) => new(services, exists: true);

    public static GrainId GrainIdOf(string normalizedEmail) => GrainId.Create(GrainType, normalizedEmail);

    public async Task<string?> UserIdOf(string normalizedEmail)
    {
        if (!exists)
        {
            return null;
        }

        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Shop);
        var state = new GrainState<UserEmailState>(new UserEmailState());
        await storage.ReadStateAsync(StateName, GrainIdOf(normalizedEmail), state);
        return state.RecordExists ? state.State?.UserId : null;
    }
}

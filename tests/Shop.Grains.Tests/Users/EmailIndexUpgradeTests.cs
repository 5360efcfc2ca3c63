using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Storage;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Grains.Tests.Users;

/// <summary>
/// The email index is keyed by a hash of the address; accounts the previous release indexed under the
/// address itself (a stored <see cref="UserEmailState"/> of grain <c>useremail/{address}</c>) keep
/// working, and API nodes of that release, during a rolling upgrade, reach the same index.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EmailIndexUpgradeTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly IGrainStorage _storage = fixture.Cluster.ShopStorage();

    private static NewUser NewUser(string email) => new(email, "名字", "hash", Roles.Customer, Languages.Chinese);

    [Fact]
    public void The_key_is_a_hash_of_the_normalized_address()
    {
        var key = EmailIndex.KeyOf(" Li.Lei@Example.COM ");

        Assert.Equal(EmailIndex.KeyOf("li.lei@example.com"), key);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.NotEqual(EmailIndex.KeyOf("li.lei@example.org"), key);
    }

    [Fact]
    public async Task An_account_of_the_previous_release_is_found_refuses_a_second_registration_and_moves_under_the_hash()
    {
        var email = $"{ShopIds.New()}@example.com";
        var userId = await AccountOfThePreviousRelease(email);

        Assert.Equal(userId, await _grains.EmailIndexOf(email).GetUserId(email));
        Assert.Equal(ErrorKind.Conflict, (await _grains.EmailIndexOf(email).Register(NewUser(email))).Error!.Kind);

        Assert.Equal(userId, (await Stored(GrainId.Create("emailindex", EmailIndex.KeyOf(email))))?.UserId);
        Assert.Equal(userId, (await Stored(PreviousEmailIndex.GrainIdOf(email)))?.UserId);
    }

    [Fact]
    public async Task Concurrent_registrations_of_an_address_the_previous_release_indexed_are_all_refused()
    {
        var email = $"{ShopIds.New()}@example.com";
        var userId = await AccountOfThePreviousRelease(email);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? _grains.EmailIndexOf(email).Register(NewUser(email))
            : _grains.GetGrain<IUserEmailGrain>(email).Register(NewUser(email))));

        Assert.All(outcomes, o => Assert.Equal(ErrorKind.Conflict, o.Error!.Kind));
        Assert.Equal(userId, await _grains.EmailIndexOf(email).GetUserId(email));
    }

    [Fact]
    public async Task Nodes_of_the_previous_release_and_of_this_one_share_one_index()
    {
        var email = $"{ShopIds.New()}@example.com";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? _grains.EmailIndexOf(email).Register(NewUser(email))
            : _grains.GetGrain<IUserEmailGrain>(email).Register(NewUser(email))));

        var winner = Assert.Single(outcomes, o => o.IsSuccess).Value!.Id;
        Assert.Equal(winner, await _grains.GetGrain<IUserEmailGrain>(email).GetUserId());
        Assert.Equal(winner, await _grains.EmailIndexOf(email).GetUserId(email));
        Assert.Null(await Stored(PreviousEmailIndex.GrainIdOf(email)));
    }

    [Fact]
    public async Task An_address_that_is_not_the_keys_is_refused_without_naming_it()
    {
        var email = $"{ShopIds.New()}@example.com";

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _grains.EmailIndexOf(email).GetUserId("someone.else@example.com"));

        Assert.DoesNotContain("someone.else", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_an_account_of_the_previous_release_starts_no_span_that_names_the_address()
    {
        var email = $"{ShopIds.New()}@example.com";
        await AccountOfThePreviousRelease(email);
        var spans = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Enqueue(string.Join(" ", a.DisplayName, string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")))),
        };
        ActivitySource.AddActivityListener(listener);

        Assert.NotNull(await _grains.EmailIndexOf(email).GetUserId(email));

        // The move is traced (its write, under the hash), and nothing traced names the address.
        Assert.Contains(spans, s => s.StartsWith("write storage", StringComparison.Ordinal) && s.Contains(EmailIndex.KeyOf(email), StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An account as the previous release made it: the user, and the index record under the address.</summary>
    private async Task<string> AccountOfThePreviousRelease(string email)
    {
        var userId = ShopIds.New();
        await _grains.GetGrain<IUserGrain>(userId).Create(NewUser(email));
        var state = new GrainState<UserEmailState>(new UserEmailState { UserId = userId });
        await _storage.WriteStateAsync(PreviousEmailIndex.StateName, PreviousEmailIndex.GrainIdOf(email), state);
        return userId;
    }

    private async Task<UserEmailState?> Stored(GrainId grainId)
    {
        var state = new GrainState<UserEmailState>(new UserEmailState());
        await _storage.ReadStateAsync(PreviousEmailIndex.StateName, grainId, state);
        return state.RecordExists ? state.State : null;
    }
}

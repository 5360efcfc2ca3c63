using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The previous release's email index, keyed by the address: here only to pass the calls of that
/// release's API nodes, during a rolling upgrade, on to the new index (<see cref="IEmailIndexGrain"/>).
/// It has no state of its own any more; the new index reads what it stored (<see cref="PreviousEmailIndex"/>).
/// </summary>
internal sealed class UserEmailGrain : Grain, IUserEmailGrain
{
    private string Email => this.GetPrimaryKeyString();

    private IEmailIndexGrain Index => GrainFactory.EmailIndexOf(Email);

    public Task<Outcome<UserProfile>> Register(NewUser user) => Index.Register(user);

    public Task<string?> GetUserId() => Index.GetUserId(Email);

    public Task<TimeSpan?> BeginLoginAttempt(string client) => Index.BeginLoginAttempt(client);

    public Task<bool> EndLoginAttempt(string client, bool succeeded) => Index.EndLoginAttempt(client, succeeded);
}

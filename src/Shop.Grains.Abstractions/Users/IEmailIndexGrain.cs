using System.Security.Cryptography;
using System.Text;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The unique index of emails, one grain per normalized address, keyed by <see cref="EmailIndex.KeyOf"/>
/// (a hash, so the address never becomes a grain id: grain ids are written in Orleans' logs and in
/// every span of a grain call). Registering claims it atomically, and it counts failed logins so
/// throttling holds across every API node.
/// </summary>
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Creates the account, or refuses when the email is taken.</summary>
    Task<Outcome<UserProfile>> Register(NewUser user);

    /// <summary>
    /// The account of this email, if any. The email itself (the key's preimage) is passed so an
    /// account indexed by the previous release, under the address, is found; it is never a grain id.
    /// Not read-only: the first lookup of such an account stores it under this grain's key.
    /// </summary>
    Task<string?> GetUserId(string email);

    /// <summary>
    /// Starts a sign-in (or password check) from a client, named by its address: null when it may go
    /// ahead, else how long that client must wait. Failures count per client and delays grow with
    /// them, so a stranger's guesses never lock the owner out. Attempts still being checked count as
    /// failures until they end, so parallel guesses cannot slip past.
    /// </summary>
    Task<TimeSpan?> BeginLoginAttempt(string client);

    /// <summary>
    /// Ends an attempt that <see cref="BeginLoginAttempt"/> let through; true when the account has now
    /// seen many failures and its owner should be told (once per window).
    /// </summary>
    Task<bool> EndLoginAttempt(string client, bool succeeded);
}

public static class EmailIndex
{
    // Domain-separated: a plain SHA-256 of a lower-cased address is what ad networks and avatar
    // services exchange, and the index's keys should not be joinable with those lists.
    private const string Purpose = "shop.email-index.v1\n";

    /// <summary>The index key of an email: lowercase hex SHA-256 of the normalized address (64 characters, never an '@').</summary>
    public static string KeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Purpose + ShopIds.NormalizeEmail(email))));

    /// <summary>The index grain of an email.</summary>
    public static IEmailIndexGrain EmailIndexOf(this IGrainFactory grains, string email) => grains.Get<IEmailIndexGrain>(KeyOf(email));
}

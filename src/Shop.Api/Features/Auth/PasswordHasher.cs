namespace Shop.Api.Features.Auth;

/// <summary>
/// bcrypt on the API nodes, which scale out, so a slow hash never holds up a grain. The enhanced
/// variant pre-hashes with SHA-384, so passwords longer than bcrypt's 72 bytes are not truncated.
/// </summary>
public sealed class PasswordHasher(AuthSettings settings)
{
    // Checked when the account does not exist, so a login takes as long either way.
    private readonly Lazy<string> _decoy = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword(Guid.NewGuid().ToString(), settings.BcryptRounds));

    public string Hash(string password) => BCrypt.Net.BCrypt.EnhancedHashPassword(password, settings.BcryptRounds);

    public bool Verify(string password, string? hash)
    {
        if (hash is null)
        {
            BCrypt.Net.BCrypt.EnhancedVerify(password, _decoy.Value);
            return false;
        }

        return BCrypt.Net.BCrypt.EnhancedVerify(password, hash);
    }
}

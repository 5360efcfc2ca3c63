using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shop.Bench.Seed;

/// <summary>
/// Bearer tokens as the shop issues them (TokenService: HS256, issuer and audience "shop", the
/// claims sub, role and ver), signed with JWT_SECRET the way AuthSettings turns it into a key.
/// Shoppers made by the generator log in with a password too; minting saves the wait of a login each.
/// </summary>
internal static class Tokens
{
    public static string Issue(string secret, string userId, string role, int tokenVersion, DateTimeOffset now, TimeSpan lifetime)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        if (key.Length < 32)
        {
            key = SHA256.HashData(key);
        }

        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["role"] = role,
            ["ver"] = tokenVersion,
            ["iss"] = "shop",
            ["aud"] = "shop",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        }));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

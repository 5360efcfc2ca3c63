using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// A throwaway certificate authority and node certificates signed by it, written as PEM files to a
/// temporary folder (deleted on dispose), as the runbook's openssl commands make them: made anew by
/// every test run, so no private key is ever committed.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _authority;

    public TestCertificates(string name)
    {
        Folder = Directory.CreateTempSubdirectory("shop-tls-").FullName;
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityPath = Path.Combine(Folder, "ca.crt");
        File.WriteAllText(AuthorityPath, _authority.ExportCertificatePem());
    }

    public string Folder { get; }

    /// <summary>The CA's certificate (PEM): CLUSTER_TLS_CA.</summary>
    public string AuthorityPath { get; }

    /// <summary>
    /// A node certificate signed by this CA, for server and client authentication (or only the usages
    /// given), as CLUSTER_TLS_CERT and CLUSTER_TLS_KEY with CLUSTER_TLS_CA: the settings of one node.
    /// </summary>
    public Dictionary<string, string?> Node(string name, string[]? usages = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var oids = new OidCollection();
        foreach (var usage in usages ?? ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"])
        {
            oids.Add(new Oid(usage));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        // Within the CA's own validity, as .NET requires of what a CA signs.
        using var certificate = request.Create(_authority, _authority.NotBefore, notAfter ?? DateTimeOffset.UtcNow.AddDays(7), serial);
        var certificatePath = Path.Combine(Folder, $"{name}.crt");
        var keyPath = Path.Combine(Folder, $"{name}.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new Dictionary<string, string?>
        {
            ["CLUSTER_TLS_CERT"] = certificatePath,
            ["CLUSTER_TLS_KEY"] = keyPath,
            ["CLUSTER_TLS_CA"] = AuthorityPath,
        };
    }

    /// <summary>
    /// Null when a listener on loopback <paramref name="port"/> speaks TLS (it presents a certificate)
    /// and refuses what any tool would try next: a handshake without a certificate. Refused: the
    /// handshake fails, or the first read does (TLS 1.3 judges the client's certificate after the
    /// client's side of the handshake). Otherwise what went wrong: a listener that accepted it would wait
    /// for the peer's Orleans preamble (the read times out) or answer; one without TLS never shows a
    /// certificate.
    /// </summary>
    public static async Task<string?> AcceptsWithoutCertificate(int port)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        X509Certificate? presented = null;
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            presented = certificate;
            return true;
        });
        try
        {
            await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = "silo" });
            var read = await tls.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            return read == 0 ? null : $"port {port} answered a client without a certificate";
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return presented is null ? $"port {port} presented no certificate: it does not speak TLS ({e.Message})" : null;
        }
        catch (TimeoutException)
        {
            return $"port {port} kept a client without a certificate connected for 10 s (it waits for it to speak)";
        }
    }

    public void Dispose()
    {
        _authority.Dispose();
        _key.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;
using Shop.Silo.Configuration;

namespace Shop.Silo.Hosting;

/// <summary>
/// Mutual TLS on the cluster's connections (<see cref="ClusterTlsOptions"/>): silo to silo, and API
/// node to gateway. Each side presents its certificate and accepts the other's only when it chains to
/// the cluster CA of CLUSTER_TLS_CA. The peer's name is not checked: silos are reached by IP address,
/// and every holder of a certificate of that CA is a member of the cluster, which is what the CA is
/// for (it signs nothing else).
/// </summary>
public sealed class ClusterTls
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        Certificate = certificate;
        Authorities = authorities;
    }

    /// <summary>This node's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster CA's certificates: the only roots a peer's certificate may chain to.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>
    /// What keeps this node from speaking TLS as configured, one line each (none when TLS is off or not
    /// asked for): checked at start in every environment, so a wrong path or a certificate of another
    /// CA stops the process with its name instead of failing every connection later.
    /// A silo (or an embedded API node) both accepts and opens connections; an API node only opens them.
    /// </summary>
    public static List<string> Problems(IConfiguration config, bool silo) => Read(config, silo, out _);

    /// <summary>The certificates to use, or null when the cluster runs without TLS; a problem is an exception.</summary>
    public static ClusterTls? Load(IConfiguration config, bool silo) =>
        Read(config, silo, out var tls) is [var first, ..] ? throw new InvalidOperationException(first) : tls;

    /// <summary>Orleans' TLS settings for this node: present the certificate, require the peer's, judge it by the cluster CA.</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Replaces the platform's verdict, which trusts the machine's roots and compares names.
        options.RemoteCertificateValidation = (certificate, _, _) => Trusts(certificate);
    }

    /// <summary>Whether a peer's certificate chains to the cluster CA and is valid today.</summary>
    public bool Trusts(X509Certificate2 peer) => Verify(peer, Authorities).Count == 0;

    private static List<string> Verify(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // A private CA publishes no revocation list; a leaked key is answered by a new CA (runbook 2.2.3).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            ? []
            : [.. chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).DefaultIfEmpty("not trusted")];
    }

    private static List<string> Read(IConfiguration config, bool silo, out ClusterTls? tls)
    {
        tls = null;
        ClusterTlsOptions options;
        try
        {
            options = ShopOptions.Read<ClusterTlsOptions>(config);
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }

        if (!options.Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (options.Certificate is null)
        {
            problems.Add("CLUSTER_TLS=required needs CLUSTER_TLS_CERT: this node's certificate, signed by the cluster's CA.");
        }
        else if (options.Authority is null)
        {
            problems.Add("CLUSTER_TLS_CERT needs CLUSTER_TLS_CA: the cluster CA's certificate (PEM), the only issuer whose certificates this node accepts from its peers.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var authorities = ReadAuthorities(options.Authority!, problems);
        var certificate = ReadCertificate(options, problems);
        if (authorities is null || certificate is null)
        {
            return problems;
        }

        var needed = silo ? new[] { ServerAuthentication, ClientAuthentication } : [ClientAuthentication];
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        if (usages.Count > 0 && needed.Any(n => !usages.Any(u => u.EnhancedKeyUsages[n] is not null)))
        {
            problems.Add($"CLUSTER_TLS_CERT ({options.Certificate}) is not for {(silo ? "serverAuth and clientAuth" : "clientAuth")} (its extendedKeyUsage): a silo's certificate needs both, an API node's clientAuth.");
        }

        if (Verify(certificate, authorities) is [_, ..] reasons)
        {
            problems.Add($"CLUSTER_TLS_CERT ({options.Certificate}) is not valid under CLUSTER_TLS_CA ({options.Authority}): {string.Join("; ", reasons)}. Peers would refuse it.");
        }

        if (problems.Count == 0)
        {
            tls = new ClusterTls(certificate, authorities);
        }

        return problems;
    }

    private static X509Certificate2Collection? ReadAuthorities(string path, List<string> problems)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problems.Add($"CLUSTER_TLS_CA ({path}) cannot be read: {e.Message}");
            return null;
        }

        if (authorities.Count == 0)
        {
            problems.Add($"CLUSTER_TLS_CA ({path}) holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
            return null;
        }

        return authorities;
    }

    private static X509Certificate2? ReadCertificate(ClusterTlsOptions options, List<string> problems)
    {
        var path = options.Certificate!;
        try
        {
            var certificate = Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, options.Password)
                : options.Password is null
                    ? X509Certificate2.CreateFromPemFile(path, options.Key)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, options.Password, options.Key);
            if (!certificate.HasPrivateKey)
            {
                problems.Add($"CLUSTER_TLS_CERT ({path}) has no private key: give CLUSTER_TLS_KEY, or a PFX file with its key.");
                return null;
            }

            return certificate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            var key = options.Key is null ? "" : $" with CLUSTER_TLS_KEY ({options.Key})";
            problems.Add($"CLUSTER_TLS_CERT ({path}){key} cannot be loaded: {e.Message.TrimEnd('.')}. A PEM certificate and key, or a PFX file (.pfx, .p12); CLUSTER_TLS_PASSWORD for an encrypted key.");
            return null;
        }
    }
}

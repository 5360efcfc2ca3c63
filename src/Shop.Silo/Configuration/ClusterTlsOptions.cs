using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Shop.Silo.Configuration;

/// <summary>
/// CLUSTER_TLS, CLUSTER_TLS_CERT, CLUSTER_TLS_KEY, CLUSTER_TLS_PASSWORD, CLUSTER_TLS_CA: mutual TLS on
/// the silo (SILO_PORT) and gateway (GATEWAY_PORT) ports. Orleans itself asks nothing of whoever
/// connects there, and a connected client may call any grain (make itself an admin, read any order),
/// so in production every silo and API node presents a certificate signed by the cluster's own CA and
/// accepts only peers that do the same (<see cref="Hosting.ClusterTls"/>).
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Setting = "CLUSTER_TLS";

    /// <summary>
    /// Unset: TLS when CLUSTER_TLS_CERT is set. <c>required</c>: TLS, and a missing certificate is an
    /// error in every environment. <c>off</c>: no TLS even in production, for ports that only the
    /// cluster's own hosts can reach (an isolated network); the certificate settings are then ignored.
    /// </summary>
    [ConfigurationKeyName(Setting)]
    [RegularExpression("^(required|off)$", ErrorMessage = "CLUSTER_TLS must be required or off.")]
    public string? Mode { get; set; }

    /// <summary>This node's certificate: a PEM file (with CLUSTER_TLS_KEY, or its key in the same file) or a PFX / PKCS#12 file (.pfx, .p12).</summary>
    [ConfigurationKeyName("CLUSTER_TLS_CERT")]
    public string? Certificate { get; set; }

    /// <summary>The PEM private key of CLUSTER_TLS_CERT, when not in the same file.</summary>
    [ConfigurationKeyName("CLUSTER_TLS_KEY")]
    public string? Key { get; set; }

    /// <summary>The password of a PFX file or of an encrypted PEM key.</summary>
    [ConfigurationKeyName("CLUSTER_TLS_PASSWORD")]
    public string? Password { get; set; }

    /// <summary>
    /// The cluster CA's certificate(s), PEM. Peers are trusted only when their certificate chains to
    /// one of these, never through the machine's root store: a certificate any public CA issued for
    /// any name must not admit a stranger. Two CA certificates in the file during a CA rotation.
    /// </summary>
    [ConfigurationKeyName("CLUSTER_TLS_CA")]
    public string? Authority { get; set; }

    public bool Off => Mode == "off";

    /// <summary>Whether this node speaks TLS on the cluster's connections.</summary>
    public bool Enabled => !Off && (Certificate is not null || Mode == "required");

    /// <summary>
    /// Production's rule: the cluster ports are authenticated, unless ops said explicitly that they
    /// are not reachable by anyone else (CLUSTER_TLS=off).
    /// </summary>
    public static readonly IValidateOptions<ClusterTlsOptions> ProductionRule = new ShopOptions.Rule<ClusterTlsOptions>(tls =>
        tls.Enabled || tls.Off
            ? []
            : ["CLUSTER_TLS_CERT is not set: any program that reaches SILO_PORT or GATEWAY_PORT could join the cluster and call any grain (make itself an admin). Give every silo and API node a certificate of the cluster's CA (CLUSTER_TLS_CERT, CLUSTER_TLS_KEY, CLUSTER_TLS_CA; runbook 2.2.3), or set CLUSTER_TLS=off where only the cluster's hosts can reach those ports."]);
}

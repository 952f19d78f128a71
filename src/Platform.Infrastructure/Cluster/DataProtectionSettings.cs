namespace Platform.Infrastructure.Cluster;

/// <summary>
/// Bound from <c>Platform:DataProtection</c>: the certificate that encrypts the Data Protection keys at rest. Required in
/// production; elsewhere the keys are stored unencrypted (development and tests).
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "Platform:DataProtection";

    /// <summary>The key ring's application name: the same on every node, or they cannot read each other's cookies.</summary>
    public const string ApplicationName = "Jobcenter-Plattform";

    /// <summary>A PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) with its private key, or a PEM certificate with <see cref="CertificateKeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of a PKCS#12 file, or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM certificate (as Kubernetes TLS secrets hold it: <c>tls.crt</c>, <c>tls.key</c>).</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>
    /// Certificates that encrypted keys before the current one: they only decrypt, so that after a certificate change the
    /// keys written before it can still be read until they expire.
    /// </summary>
    public IList<CertificateFile> PreviousCertificates { get; } = [];
}

/// <summary>One certificate file, as in <see cref="DataProtectionSettings"/>.</summary>
public sealed class CertificateFile
{
    public string? Path { get; set; }

    public string? Password { get; set; }

    public string? KeyPath { get; set; }
}

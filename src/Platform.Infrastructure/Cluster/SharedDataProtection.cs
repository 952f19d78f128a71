using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Cluster;

/// <summary>
/// One Data Protection key ring for every node (ADR-029): the keys live in the platform's database, under one
/// application name, so that a sign-in cookie, a bearer token, a form's antiforgery token or a mailed unsubscribe link
/// made by one node is read by every other. In production each key is encrypted at rest with the configured
/// certificate, and the platform refuses to start without one (a certificate named but unreadable stops it at once).
/// </summary>
public static class SharedDataProtection
{
    public static IServiceCollection AddSharedDataProtection(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var builder = services.AddDataProtection()
            .SetApplicationName(DataProtectionSettings.ApplicationName)
            .PersistKeysToDbContext<PlatformDbContext>();

        // Production without a certificate is refused when the host starts, not here: `--migrate-only` builds the
        // same services but never starts the host, and migrating needs no key (ADR-028).
        services.AddOptions<DataProtectionSettings>()
            .Bind(configuration.GetSection(DataProtectionSettings.Section))
            .Validate(
                s => !environment.IsProduction() || !string.IsNullOrWhiteSpace(s.CertificatePath),
                $"{DataProtectionSettings.Section}:CertificatePath is required in production: the Data Protection keys that protect "
                + "sign-ins, forms and unsubscribe links are stored in the database and must be encrypted with a certificate "
                + "(a PKCS#12 file with CertificatePassword, or a PEM file with CertificateKeyPath). See docs/operations.md.")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return services;
        }

        var current = Load(settings.CertificatePath, settings.CertificatePassword, settings.CertificateKeyPath, "CertificatePath");
        var previous = settings.PreviousCertificates
            .Select((file, i) => Load(file.Path, file.Password, file.KeyPath, $"PreviousCertificates:{i}:Path"))
            .ToArray();
        builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }

    /// <summary>Loads a certificate with its RSA private key, or says which setting is wrong and why.</summary>
    private static X509Certificate2 Load(string? path, string? password, string? keyPath, string setting)
    {
        var name = $"{DataProtectionSettings.Section}:{setting}";
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"{name}: the certificate file '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = keyPath is { Length: > 0 }
                ? string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw new InvalidOperationException(
                $"{name}: '{path}' cannot be read as a certificate with its private key ({e.Message}). "
                + "Check the file, CertificatePassword and, for PEM, CertificateKeyPath.", e);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{name}: '{path}' has no RSA private key; the key ring is encrypted with RSA.");
        }

        return certificate;
    }
}

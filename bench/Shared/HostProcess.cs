using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

/// <summary>
/// The published host (Platform.Api.dll) as a child process of a benchmark driver: roles Api and Jobs on PostgreSQL,
/// Production settings, and the driver's own settings on top. Shared by the drivers in bench/ (linked into each).
/// </summary>
internal sealed class HostProcess(string appDir, string workDir, int port, string connectionString, IReadOnlyDictionary<string, string> extra)
{
    private const string CertificatePassword = "bench";

    private Process? _process;

    /// <summary>A self-signed certificate for the key ring in the work folder (made once; the restarted host finds the same one).</summary>
    private static string DataProtectionCertificate(string workDir)
    {
        var path = Path.Combine(workDir, "dataprotection.pfx");
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Jobcenter-Plattform Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        }

        return path;
    }

    public async Task StartAsync(string logName)
    {
        var info = new ProcessStartInfo("dotnet", Path.Combine(appDir, "Platform.Api.dll"))
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>(extra)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Platform__Roles"] = "Api,Jobs",
            ["Platform__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Platform"] = connectionString,
            ["Platform__Tenancy__CatalogRefreshInterval"] = "00:00:01",
            ["Platform__Notifications__KeyFolder"] = workDir,
            // Production encrypts the Data Protection key ring with a certificate and refuses to start without one.
            ["Platform__DataProtection__CertificatePath"] = DataProtectionCertificate(workDir),
            ["Platform__DataProtection__CertificatePassword"] = CertificatePassword,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
        var log = new StreamWriter(Path.Combine(workDir, logName + ".log")) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited during start-up; see {logName}.log.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("The host did not answer within 120 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing; whatever was claimed stays claimed until its lease runs out.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: false);
        _process?.WaitForExit();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

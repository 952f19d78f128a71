namespace Platform.Api.Hosting;

/// <summary>
/// The management listener, bound from <c>Platform:Management</c>: a port of its own for the Prometheus scrape, which
/// no tenant host name reaches. Off (no scrape endpoint at all) while <see cref="Port"/> is unset.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Platform:Management";

    /// <summary>The port; unset: no management listener and no Prometheus exporter.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The IP address it binds to: loopback by default (a scraper on the same machine); in a cluster the pod's or node's
    /// internal address, or <c>*</c> (every address) when the network keeps the port internal (Kubernetes: the port is
    /// not listed in the Service or Ingress).
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";

    public string MetricsPath { get; set; } = "/metrics";
}

namespace Platform.Application.Common;

/// <summary>
/// Port: the absolute links the platform makes for use outside the request at hand (e-mails, push messages, feeds,
/// cards, invitation links). One rule for all of them (ADR-023): the tenant's primary host name (its first configured
/// host name, else <c>{slug}.{base host}</c>) with the platform's public scheme and port. Never the <c>Host</c> of some
/// request, which a client chooses.
/// </summary>
public interface ITenantLinks
{
    /// <summary>The root of the tenant's site, or of the platform's own pages for <see langword="null"/>; ends in <c>/</c>.</summary>
    Uri Root(TenantInfo? tenant);

    /// <summary>A page or API address under <see cref="Root"/>, for example <c>erinnerungen</c> or <c>/posts/{id}</c>.</summary>
    Uri Link(TenantInfo? tenant, string path) => new(Root(tenant), path.TrimStart('/'));
}

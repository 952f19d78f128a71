using System.Security.Cryptography;
using System.Text;
using Platform.Domain.Common;

namespace Platform.Domain.Accounts;

/// <summary>
/// An invitation to become staff of a tenant. Only the SHA-256 of its token is stored; it expires and can be
/// accepted once.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Email { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public Guid InvitedBy { get; private set; }

    /// <summary>Creates the invitation and returns the token to send (never stored in plain text).</summary>
    public static (Invitation Invitation, string Token) Create(
        Guid tenantId, string email, string role, Guid invitedBy, DateTime now, TimeSpan? lifetime = null)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new DomainException("invitation.email", "An invitation needs an e-mail address.");
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Email = email.Trim(),
            Role = role,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
            InvitedBy = invitedBy,
        };
        return (invitation, token);
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""))).ToLowerInvariant();

    public void Accept(DateTime now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException("invitation.used", "Diese Einladung wurde schon angenommen.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException("invitation.expired", "Diese Einladung ist abgelaufen. Bitte lass dich neu einladen.");
        }

        AcceptedAt = now;
    }
}

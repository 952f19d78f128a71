using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Slows down password guessing per client address and account, with back-off, instead of locking the account: a lock
/// per account is a switch anyone can flip to keep a staff member out (five wrong passwords from anywhere). Here five
/// wrong passwords for one address from one client cost that client a wait of 30 seconds, each further one doubles it
/// up to 15 minutes; the owner, from another client, signs in as always. An unknown address is counted exactly like an
/// existing one, so the throttle tells nothing about which accounts exist. The state lives in the distributed cache
/// (Redis when configured, so all nodes share it), keyed by tenant, client and a hash of the address (ADR-020).
/// </summary>
public sealed class SignInThrottle(IDistributedCache cache, TimeProvider clock, ICurrentTenant tenant, IHttpContextAccessor http)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(15);

    /// <summary>A client that stops guessing for this long starts again with a clean slate.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    /// <summary>How long this client must wait before its next attempt for <paramref name="email"/>; zero when it may try now.</summary>
    public async Task<TimeSpan> WaitBeforeNextAttemptAsync(string email)
    {
        var (_, blockedUntil) = await ReadAsync(Key(email));
        var wait = blockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public async Task RecordFailureAsync(string email)
    {
        var key = Key(email);
        var (failures, _) = await ReadAsync(key);
        failures++;
        var now = clock.GetUtcNow();
        var blockedUntil = failures < FreeFailures
            ? DateTimeOffset.MinValue
            : now + Delay(failures);
        await cache.SetStringAsync(
            key,
            string.Create(CultureInfo.InvariantCulture, $"{failures}|{blockedUntil.ToUnixTimeMilliseconds()}"),
            new DistributedCacheEntryOptions { AbsoluteExpiration = now + Forget + MaximumDelay });
    }

    public Task ResetAsync(string email) => cache.RemoveAsync(Key(email));

    /// <summary>30 s after the fifth failure, doubling with each further one, at most 15 minutes.</summary>
    public static TimeSpan Delay(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures, 10);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaximumDelay ? delay : MaximumDelay;
    }

    private async Task<(int Failures, DateTimeOffset BlockedUntil)> ReadAsync(string key)
    {
        var value = await cache.GetStringAsync(key);
        var parts = value?.Split('|');
        return parts is [var count, var until]
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var failures)
            && long.TryParse(until, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? (failures, ms <= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds(ms))
            : (0, DateTimeOffset.MinValue);
    }

    /// <summary>The address is hashed: no e-mail address in the cache (or in Redis) as plain text.</summary>
    private string Key(string email)
    {
        var address = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()));
        var client = http.HttpContext?.Connection.RemoteIpAddress is { } ip
            ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
            : "-";
        return $"sign-in-throttle|{tenant.Tenant?.Id ?? Guid.Empty}|{client}|{Convert.ToHexString(address)}";
    }
}

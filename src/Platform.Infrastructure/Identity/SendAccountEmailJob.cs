using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Sends the e-mails of the account flows from a job, so that a request never waits for (or fails because of) the
/// mail server, every request takes the same time whether or not the account exists, and Hangfire retries while the
/// server is down. The job carries ids only: it creates the code itself, so no code rests in the job storage.
/// </summary>
public sealed partial class SendAccountEmailJob(
    TenantScopeRunner tenants, IServiceScopeFactory scopeFactory, IOptions<DataProtectionTokenProviderOptions> tokens, ILogger<SendAccountEmailJob> logger)
{
    /// <summary>Mails a link to the page <see cref="AccountPages.ConfirmEmail"/> with the account id and a confirmation code.</summary>
    public Task SendConfirmationAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        RunAsync(tenantId, userId, async (services, user, _) =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            if (user.EmailConfirmed)
            {
                return null;
            }

            var code = AccountCodes.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
            var link = QueryHelpers.AddQueryString(PageOf(services, AccountPages.ConfirmEmail), new Dictionary<string, string?>
            {
                ["userId"] = user.Id.ToString("D", CultureInfo.InvariantCulture),
                ["code"] = code,
            });
            return AccountEmails.ConfirmEmail(CurrentTenant(services), user.Email!, user.DisplayName, new Uri(link), tokens.Value.TokenLifespan, EmailText.Culture(user.Language));
        }, cancellationToken);

    /// <summary>Mails a password reset code and a link to the page <see cref="AccountPages.ResetPassword"/> with it, to confirmed addresses only.</summary>
    public Task SendPasswordResetAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        RunAsync(tenantId, userId, async (services, user, _) =>
        {
            if (!user.EmailConfirmed)
            {
                return null;
            }

            var (code, link) = await ResetCodeAsync(services, user);
            return AccountEmails.ResetPassword(CurrentTenant(services), user.Email!, user.DisplayName, code, link, tokens.Value.TokenLifespan, EmailText.Culture(user.Language));
        }, cancellationToken);

    /// <summary>
    /// Tells the owner of a confirmed account that someone (hopefully they) tried to register the address again, with
    /// a link to sign in and one to set a new password (address and a fresh code filled in).
    /// </summary>
    public Task SendAlreadyRegisteredAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        RunAsync(tenantId, userId, async (services, user, _) =>
        {
            if (!user.EmailConfirmed)
            {
                return null;
            }

            var (_, link) = await ResetCodeAsync(services, user);
            return AccountEmails.AlreadyRegistered(
                CurrentTenant(services), user.Email!, user.DisplayName, new Uri(PageOf(services, AccountPages.SignIn)), link, tokens.Value.TokenLifespan, EmailText.Culture(user.Language));
        }, cancellationToken);

    /// <summary>A fresh password reset code, and the reset page with the address and that code filled in.</summary>
    private static async Task<(string Code, Uri Link)> ResetCodeAsync(IServiceProvider services, PlatformUser user)
    {
        var code = AccountCodes.Encode(await services.GetRequiredService<UserManager<PlatformUser>>().GeneratePasswordResetTokenAsync(user));
        var link = QueryHelpers.AddQueryString(PageOf(services, AccountPages.ResetPassword), new Dictionary<string, string?>
        {
            ["email"] = user.Email,
            ["code"] = code,
        });
        return (code, new Uri(link));
    }

    private async Task RunAsync(
        Guid tenantId, Guid userId, Func<IServiceProvider, PlatformUser, CancellationToken, Task<EmailMessage?>> compose, CancellationToken cancellationToken)
    {
        async Task<bool> Send(IServiceProvider services, CancellationToken ct)
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            // Deleted, or no address any more, since the job was queued: nothing to send.
            if (await users.FindByIdAsync(userId.ToString("D", CultureInfo.InvariantCulture)) is not { Email.Length: > 0 } user)
            {
                LogNoAccount(logger, userId);
                return false;
            }

            if (await compose(services, user, ct) is not { } message)
            {
                return false;
            }

            await services.GetRequiredService<IEmailSender>().SendAsync(message, ct);
            return true;
        }

        if (tenantId == Guid.Empty)
        {
            // The platform's own accounts (PlatformAdmins) live outside every tenant.
            await using var scope = scopeFactory.CreateAsyncScope();
            await Send(scope.ServiceProvider, cancellationToken);
        }
        else
        {
            try
            {
                await tenants.RunAsync(tenantId, Send, cancellationToken);
            }
            catch (UnknownTenantException)
            {
                // The jobcenter was removed after the e-mail was queued: its accounts are gone with it.
                LogNoTenant(logger, tenantId);
            }
        }
    }

    private static TenantInfo? CurrentTenant(IServiceProvider services) => services.GetRequiredService<ICurrentTenant>().Tenant;

    /// <summary>The page in the account's tenant, or on the platform's own host for the platform's accounts.</summary>
    private static string PageOf(IServiceProvider services, string page) =>
        services.GetRequiredService<ITenantLinks>().Link(CurrentTenant(services), page).AbsoluteUri;

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} no longer exists or has no e-mail address; no e-mail sent")]
    private static partial void LogNoAccount(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no e-mail sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

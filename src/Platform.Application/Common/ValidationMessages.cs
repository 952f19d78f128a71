using System.Globalization;
using System.Resources;

namespace Platform.Application.Common;

/// <summary>
/// Messages of the validators young people meet in forms (contact, reminders, notification settings, feed and search)
/// and of Identity (<c>Identity.&lt;Code&gt;</c>, see <c>LocalizedIdentityErrors</c>), German by default
/// (<c>Resources/ValidationMessages.resx</c>) and one file per UI language, read in the request's UI culture when a rule
/// fails: <c>.WithMessage(_ =&gt; ValidationMessages.Get("Contact.PhoneTooLong"))</c>.
/// Validators are singletons, so the message must be a lambda, never a string computed in the constructor (ADR-016).
/// </summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources = new("Platform.Application.Resources.ValidationMessages", typeof(ValidationMessages).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}

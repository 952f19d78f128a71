using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Application.Resources;

namespace Platform.Application.Common;

/// <summary>
/// Lays out an e-mail in the tenant's name and colour: a plain-text part and a simple HTML part with inline styles
/// only (mail clients drop style sheets). Every text is HTML-encoded, so names typed by users cannot inject markup.
/// </summary>
public static partial class BrandedEmail
{
    public const string PlatformName = "Jobcenter-Plattform";

    private const string DefaultColor = "#1d4ed8";

    /// <summary>The mail; <paramref name="culture"/> is the language of its own words (greeting, footer, <c>lang</c> and <c>dir</c>), German when left out.</summary>
    public static EmailMessage Compose(TenantInfo? tenant, string to, string subject, IReadOnlyList<EmailBlock> blocks, CultureInfo? culture = null)
    {
        culture ??= EmailText.Culture(EmailText.DefaultLanguage);
        var direction = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var name = tenant?.DisplayName ?? PlatformName;
        var color = tenant is not null && HexColor().IsMatch(tenant.Branding.PrimaryColor) ? tenant.Branding.PrimaryColor : DefaultColor;
        var footer = FooterLines(tenant, culture);

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append(CultureInvariant($"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}" dir="{direction}"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;">
            <div style="max-width:560px;margin:0 auto;background:#ffffff;">
            <div style="background:{color};color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;">{Encode(name)}</div>
            <div style="padding:24px;font-size:16px;line-height:1.5;">
            """));

        foreach (var block in blocks)
        {
            switch (block)
            {
                case EmailParagraph paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    html.Append(CultureInvariant($"""<p style="margin:0 0 16px 0;">{Encode(paragraph.Text)}</p>"""));
                    break;
                case EmailButton button:
                    text.Append(button.Label).Append(":\n").Append(button.Url.AbsoluteUri).Append("\n\n");
                    html.Append(CultureInvariant($"""
                        <p style="margin:24px 0;"><a href="{Encode(button.Url.AbsoluteUri)}" style="display:inline-block;background:{color};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">{Encode(button.Label)}</a></p>
                        <p style="margin:0 0 16px 0;font-size:13px;color:#4b5563;">{Encode(EmailText.Get("Email.ButtonFallback", culture))}<br><span style="word-break:break-all;">{Encode(button.Url.AbsoluteUri)}</span></p>
                        """));
                    break;
                case EmailCode code:
                    // Indented on a line of its own: easy to select, and easy to find for a program that reads it.
                    text.Append("    ").Append(code.Value).Append("\n\n");
                    html.Append(CultureInvariant($"""<p style="margin:16px 0;padding:12px;background:#f3f4f6;border:1px solid #d1d5db;font-family:monospace;font-size:14px;word-break:break-all;">{Encode(code.Value)}</p>"""));
                    break;
                default:
                    throw new ArgumentException($"Unknown e-mail block {block.GetType().Name}.", nameof(blocks));
            }
        }

        var regards = EmailText.Get("Email.Regards", culture);
        text.Append(regards).Append('\n').Append(name).Append('\n');
        html.Append(CultureInvariant($"""<p style="margin:24px 0 0 0;">{Encode(regards)}<br>{Encode(name)}</p></div>"""));
        if (footer.Count > 0)
        {
            text.Append("\n--\n").AppendJoin('\n', footer).Append('\n');
            html.Append("""<div style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:13px;color:#4b5563;">""")
                .AppendJoin("<br>", footer.Select(Encode))
                .Append("</div>");
        }

        html.Append("</div></body></html>");
        var replyTo = string.IsNullOrWhiteSpace(tenant?.Contact.Email) ? null : tenant.Contact.Email;
        return new EmailMessage(to, subject, text.ToString(), html.ToString(), name, replyTo);
    }

    private static List<string> FooterLines(TenantInfo? tenant, CultureInfo culture)
    {
        if (tenant is null)
        {
            return [];
        }

        var contact = tenant.Contact;
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(contact.Address))
        {
            lines.Add(contact.Address);
        }

        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            lines.Add(EmailText.Format("Email.Phone", culture, contact.Phone));
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            lines.Add(EmailText.Format("Email.Email", culture, contact.Email));
        }

        if (!string.IsNullOrWhiteSpace(contact.OpeningHours))
        {
            lines.Add(EmailText.Format("Email.OpeningHours", culture, contact.OpeningHours));
        }

        return lines;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}

using System.Globalization;
using System.Text;
using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>Writes iCalendar text: CRLF line ends, escaped texts, lines folded at 75 octets, instants in UTC.</summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    internal static string Write(TenantInfo tenant, IEnumerable<EventRow> events, DateTime now, bool feed)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Jobcenter-Plattform//Veranstaltungen//DE",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };
        if (feed)
        {
            lines.Add("X-WR-CALNAME:" + Escape($"Veranstaltungen – {tenant.DisplayName}"));
            lines.Add("X-WR-TIMEZONE:Europe/Berlin");
        }

        foreach (var e in events)
        {
            var start = e.StartsAt!.Value;
            var end = e.EndsAt is { } x && x > start ? x : start.AddHours(1);
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Id:D}@{tenant.Slug}.veranstaltungen");
            lines.Add("DTSTAMP:" + Utc(now));
            lines.Add("DTSTART:" + Utc(start));
            lines.Add("DTEND:" + Utc(end));
            lines.Add("SUMMARY:" + Escape(e.Title));
            if (!string.IsNullOrWhiteSpace(e.Summary))
            {
                lines.Add("DESCRIPTION:" + Escape(e.Summary));
            }

            if (!string.IsNullOrWhiteSpace(e.Place))
            {
                lines.Add("LOCATION:" + Escape(e.Place));
            }

            if (!string.IsNullOrWhiteSpace(e.OnlineUrl))
            {
                lines.Add("URL:" + e.OnlineUrl.Trim());
                if (string.IsNullOrWhiteSpace(e.Place))
                {
                    lines.Add("LOCATION:" + Escape(e.OnlineUrl.Trim()));
                }
            }

            lines.Add("ORGANIZER;CN=" + QuoteParameter(tenant.DisplayName) + ":mailto:" + (tenant.Contact.Email.Length > 0 ? tenant.Contact.Email : "noreply@" + tenant.Slug + ".invalid"));
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    /// <summary>An instant as UTC date-time with Z (form 2 of RFC 5545 3.3.5).</summary>
    public static string Utc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string QuoteParameter(string value) => "\"" + value.Replace("\"", "'", StringComparison.Ordinal) + "\"";

    /// <summary>Appends the line with CRLF, folded so no line exceeds 75 octets of UTF-8, never inside a character.</summary>
    public static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        text.Append("\r\n");
    }
}

using System.Text;

namespace Platform.Application.Posts;

/// <summary>
/// The editorial figures as CSV for a spreadsheet: semicolon-separated (as German spreadsheets expect), one row per post
/// and one per topic, event and library item, then the reminders, each figure exactly as the page shows it ("&lt; 5" below the threshold).
/// </summary>
public static class EditorialFiguresCsv
{
    public const string Header = "Art;ID;Titel;Aufrufe;Hilfreich ja;Hilfreich nein;Plätze;Angemeldet;Warteliste;Aufrufe im Netzwerk;Jobcenter";

    private static readonly int Columns = Header.Split(';').Length;

    public static string Write(EditorialFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var post in figures.Posts)
        {
            Row(csv, "Beitrag", post.PostId.ToString(), post.Title, post.Reads.Text, post.Helpful.Text, post.NotHelpful.Text);
        }

        foreach (var topic in figures.Topics)
        {
            Row(csv, "Thema", topic.Topic, topic.Topic, topic.Reads.Text, "", "");
        }

        foreach (var item in figures.Events)
        {
            var seats = item.Seats?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ohne Grenze";
            Row(csv, "Veranstaltung", item.PostId.ToString(), item.Title, "", "", "", seats, item.SignedUp.Text, item.Waitlisted.Text);
        }

        foreach (var item in figures.Library)
        {
            var jobcenters = item.Jobcenters.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Row(csv, "Bibliothek", item.ItemId.ToString(), item.Title, item.Own?.Text ?? "", "", "", "", "", "", item.Network.Text, jobcenters);
        }

        Row(csv, "Erinnerungen", "email", "Per E-Mail verschickt", figures.Reminders.SentByEmail.Text, "", "");
        Row(csv, "Erinnerungen", "push", "Per Push verschickt", figures.Reminders.SentByPush.Text, "", "");
        Row(csv, "Abmeldungen", "", "Einwilligung zurückgezogen", figures.Reminders.Unsubscribed.Text, "", "");
        return csv.ToString();
    }

    /// <summary>One line with as many cells as the header, the missing ones empty.</summary>
    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.AppendJoin(';', cells.Concat(Enumerable.Repeat("", Columns - cells.Length)).Select(Cell)).Append("\r\n");

    /// <summary>Quoted where needed; a title that starts like a formula is kept as text, so no spreadsheet runs it.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !value.StartsWith("< ", StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

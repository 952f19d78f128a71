using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence;

/// <summary>Demo posts: short, useful, realistic, and marked as demo content. {Name} and {Telefon} are filled per tenant.</summary>
internal static class DemoContent
{
    /// <summary>
    /// Demo Impressum, Datenschutzerklärung and accessibility details, kept on the platform (the demo jobcenters have no
    /// pages of their own), so the demo shows the legal pages a live jobcenter needs. Clearly marked as demo texts.
    /// </summary>
    public static TenantLegalTexts LegalTexts(Tenant tenant) => new()
    {
        Imprint = $"""
            Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) – Demo-Text

            {tenant.DisplayName}
            {tenant.Contact.Address}

            Das Jobcenter ist eine Einrichtung des Landkreises (kommunaler Träger nach § 6a SGB II), vertreten durch die Landrätin oder den Landrat. Diese Angabe ist ein Beispiel für die Demo.

            Telefon: {tenant.Contact.Phone}
            E-Mail: {tenant.Contact.Email}

            Verantwortlich für den Inhalt: die Leitung des Jobcenters, Anschrift wie oben.

            Demo-Inhalt: Dieses Impressum zeigt, wie die Plattform aussieht. Ein echtes Jobcenter hinterlegt hier sein eigenes Impressum.
            """,
        Privacy = $"""
            Datenschutzerklärung – Demo-Text

            Verantwortlich für die Verarbeitung deiner Daten ist das {tenant.DisplayName}, {tenant.Contact.Address}, E-Mail: {tenant.Contact.Email}. Die oder den Datenschutzbeauftragten erreichst du unter derselben Anschrift mit dem Zusatz „Datenschutz“.

            Wenn du die Seiten nur liest, speichern wir keine Daten über dich. Technisch nötige Cookies halten die gewählte Sprache, deine Anmeldung und den Schutz von Formularen fest.

            Wenn du ein Konto anlegst, speichern wir deine E-Mail-Adresse, deinen Namen und dein Passwort (nur verschlüsselt), um dir Erinnerungen, Merkliste und Benachrichtigungen anzubieten (Art. 6 Abs. 1 lit. a und e DSGVO). Du kannst deine Daten unter „Meine Daten“ jederzeit herunterladen und dein Konto löschen.

            Wenn du uns über das Kontaktformular schreibst, nutzen wir deine Angaben nur, um deine Anfrage zu beantworten (Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit § 67a SGB X), und löschen sie nach der in der Verwaltung eingestellten Frist.

            Du hast das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch sowie das Recht, dich beim Hessischen Beauftragten für Datenschutz und Informationsfreiheit zu beschweren.

            Demo-Inhalt: Diese Datenschutzerklärung zeigt, wie die Plattform aussieht. Ein echtes Jobcenter hinterlegt hier seine eigene Erklärung.
            """,
        Accessibility = new AccessibilityStatementDetails
        {
            Conformance = AccessibilityConformance.Partial,
            PreparedOn = new DateOnly(2026, 12, 1),
            Method = "Selbstbewertung mit automatischen Prüfungen (axe-core, Nu Html Checker) und Tests mit Tastatur und Screenreader",
        },
    };

    /// <summary>Demo posts (by index into <see cref="Posts"/>) that are also events: days ahead, Berlin hour, place, seats.</summary>
    public static readonly IReadOnlyDictionary<int, (int DaysAhead, int Hour, string Place, int Capacity)> Events =
        new Dictionary<int, (int, int, string, int)>
        {
            [4] = (9, 16, "{Name}, Seminarraum", 12),
            [10] = (16, 15, "{Name}, Jugendberufsagentur", 8),
        };

    /// <summary>
    /// Demo posts (by index into <see cref="Posts"/>) with a cover illustration: the JPEG embedded from
    /// <c>Persistence/DemoImages</c> (drawn as SVG beside it, converted once with libvips) and its text alternative.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, (string Image, string Alt)> Covers = new Dictionary<int, (string, string)>
    {
        [0] = ("geld.jpg", "Zeichnung: ein Kalender mit einem markierten Tag, ein Geldschein und zwei Stapel Euro-Münzen."),
        [1] = ("wohnung.jpg", "Zeichnung: ein kleines Haus mit Baum und ein großer goldener Wohnungsschlüssel mit Anhänger."),
        [4] = ("video.jpg", "Zeichnung: ein Laptop mit einem Videoanruf, im Bild eine Person, daneben eine Sprechblase."),
        [5] = ("ausbildung.jpg", "Zeichnung: ein roter Werkzeugkasten mit Schutzhelm, Hammer, Schraubenschlüssel, Zollstock und Stift."),
    };

    /// <summary>Pixels of every demo cover illustration.</summary>
    public const int CoverWidth = 1200;

    public const int CoverHeight = 675;

    /// <summary>The bytes of a demo cover (an embedded resource of this assembly).</summary>
    public static byte[] CoverImage(string name)
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream("Platform.Infrastructure.Persistence.DemoImages." + name)
            ?? throw new InvalidOperationException($"Demo cover {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static readonly IReadOnlyList<(string Title, string Summary, string Body, Topics Topics)> Posts =
    [
        ("Weiterbewilligungsantrag: rechtzeitig stellen",
         "Dein Bürgergeld ist meist für 12 Monate bewilligt. Stell den Antrag auf Weiterbewilligung etwa einen Monat vor Ablauf.",
         "Dein Bewilligungsbescheid zeigt, **bis wann** du Bürgergeld bekommst.\n\n- Stell den Weiterbewilligungsantrag etwa **4 Wochen vor Ablauf**.\n- Das geht online oder direkt beim {Name}.\n- Lege neue Nachweise bei, zum Beispiel Kontoauszüge oder einen neuen Mietvertrag.\n\nFragen? Ruf uns an: {Telefon}.",
         Topics.Geld),
        ("Erste eigene Wohnung unter 25",
         "Unter 25 brauchst du vor dem Umzug eine Zusicherung vom Jobcenter, sonst zahlt es die Miete eventuell nicht.",
         "Wenn du unter 25 bist und ausziehen willst, gilt:\n\n1. **Vor** dem Unterschreiben des Mietvertrags mit uns sprechen.\n2. Wir prüfen, ob ein schwerwiegender Grund vorliegt.\n3. Erst mit der **Zusicherung** übernehmen wir Miete und Heizkosten.\n\nMelde dich beim {Name}: {Telefon}.",
         Topics.Wohnen | Topics.Geld),
        ("Ausbildung gefunden? Das ändert sich beim Geld",
         "Mit Ausbildungsvergütung bleibt dir mehr als vorher: ein Teil deines Einkommens wird nicht angerechnet.",
         "Herzlichen Glückwunsch zur Ausbildung!\n\n- Sag uns Bescheid, sobald du den Vertrag hast.\n- Von der Ausbildungsvergütung bleibt ein **Freibetrag** anrechnungsfrei.\n- Eventuell hast du Anspruch auf **Berufsausbildungsbeihilfe (BAB)** von der Agentur für Arbeit.\n\nWir rechnen es gern mit dir aus.",
         Topics.Ausbildung | Topics.Geld),
        ("Bewerbung als ein PDF",
         "Anschreiben, Lebenslauf und Zeugnisse gehören in eine einzige PDF-Datei. So geht das am Handy.",
         "Viele Firmen wollen **eine** PDF-Datei.\n\n1. Zeugnisse mit einer Scan-App fotografieren.\n2. Anschreiben und Lebenslauf als PDF speichern.\n3. Alles mit einer PDF-App zusammenfügen, Reihenfolge: Anschreiben, Lebenslauf, Zeugnisse.\n4. Dateiname: `Bewerbung_Nachname_Vorname.pdf`, möglichst unter 5 MB.\n\nOder direkt hier, ohne App und ohne Hochladen: [zur Bewerbungsmappe](bewerbungsmappe).",
         Topics.Digitales | Topics.Jobsuche),
        ("Videointerview: so klappt es",
         "Gutes Licht, ruhiger Ort, Akku voll: mit dieser Checkliste bist du bereit für das Vorstellungsgespräch per Video.",
         "- Teste die App (Teams, Zoom oder was die Firma nutzt) am Tag vorher.\n- Setz dich mit dem Gesicht zum Fenster.\n- Kopfhörer helfen gegen Echo.\n- Halte deinen Lebenslauf bereit.\n- Schau beim Sprechen in die Kamera, nicht auf dein Bild.\n\nTeste Kamera, Mikrofon und Internet vorher: [zum Video-Check](video-check).",
         Topics.Digitales | Topics.Jobsuche),
        ("Ausbildungsplätze für August: jetzt bewerben",
         "Viele Betriebe vergeben ihre Ausbildungsplätze schon im Herbst und Winter davor. Warte nicht bis zum Sommer.",
         "Der Ausbildungsstart ist meist am **1. August** oder **1. September**.\n\n- Große Firmen suchen oft schon ein Jahr vorher.\n- Die Jobbörse der Agentur für Arbeit und die Lehrstellenbörse der IHK zeigen freie Plätze.\n- Die Berufsberatung hilft dir, den passenden Beruf zu finden.",
         Topics.Ausbildung),
        ("Nebenjob: wie viel darf ich behalten?",
         "Die ersten 100 Euro aus einem Minijob bleiben dir ganz, von allem darüber ein Teil. Melde jeden Job.",
         "Beim Bürgergeld gilt:\n\n- **100 €** deines Einkommens sind frei.\n- Von dem, was darüber liegt, bleibt dir ein Teil.\n- Unter 25 und in der Schule, im Studium oder in Ausbildung gelten höhere Freibeträge für Ferienjobs.\n\nWichtig: Jeden Job **vorher** melden, sonst drohen Rückforderungen.",
         Topics.Geld | Topics.Jobsuche),
        ("Kostenlos ins Internet: WLAN und Geräte",
         "Kein Datenvolumen mehr? Hier findest du kostenloses WLAN und Computer, an denen du Bewerbungen schreiben kannst.",
         "- Stadtbibliotheken haben kostenloses WLAN und PCs.\n- Im {Name} kannst du nach Absprache PCs für Bewerbungen nutzen.\n- Für Schule und Ausbildung gibt es unter Umständen einen Zuschuss für einen Laptop: frag nach.",
         Topics.Digitales),
        ("Mietschulden? Früh melden hilft",
         "Wenn du die Miete nicht zahlen kannst, melde dich sofort. Oft lässt sich eine Kündigung noch verhindern.",
         "Bei Mietschulden gilt: **je früher, desto besser**.\n\n- Öffne Briefe vom Vermieter und bring sie mit.\n- Wir prüfen, ob ein Darlehen möglich ist.\n- Die Schuldnerberatung hilft kostenlos.\n\nRuf uns an: {Telefon}.",
         Topics.Wohnen | Topics.Geld),
        ("Termin verpasst? Das kannst du tun",
         "Wer einen Termin ohne wichtigen Grund verpasst, riskiert eine Minderung. Melde dich lieber vorher ab.",
         "- Kannst du nicht kommen? Sag **vor** dem Termin Bescheid, per Telefon oder E-Mail.\n- Bist du krank, brauchst du eine Arbeitsunfähigkeitsbescheinigung.\n- Hast du den Termin schon verpasst, melde dich sofort und nenne den Grund.",
         Topics.Geld),
        ("Lebenslauf ohne Lücken-Stress",
         "Lücken im Lebenslauf sind normal. So beschreibst du Zeiten ohne Schule oder Job ehrlich und positiv.",
         "- Schreib kurz, was du gemacht hast: Pflege von Angehörigen, Praktikum, Sprachkurs, Jobsuche.\n- Ehrenamt und Hobbys zeigen Fähigkeiten.\n- Im Gespräch ehrlich bleiben: Was hast du daraus gelernt?\n\nUnsere Beratung schaut deinen Lebenslauf gern mit dir an.",
         Topics.Jobsuche),
        ("Einstiegsqualifizierung: Probezeit für die Ausbildung",
         "Noch keinen Ausbildungsplatz? Eine Einstiegsqualifizierung (EQ) ist ein bezahltes Praktikum von 6 bis 12 Monaten.",
         "Bei einer **EQ** lernst du einen Betrieb kennen und der Betrieb dich.\n\n- Dauer: 6 bis 12 Monate.\n- Du bekommst eine Vergütung.\n- Oft folgt direkt die Ausbildung, manchmal wird die EQ angerechnet.",
         Topics.Ausbildung | Topics.Jobsuche),
        ("Sichere Passwörter für dein Bewerbungskonto",
         "Ein Passwort-Manager und die Zwei-Faktor-Anmeldung schützen dein Konto bei Jobbörsen und E-Mail.",
         "- Für jedes Konto ein eigenes Passwort.\n- Lange Sätze sind sicherer als kurze Wörter mit Sonderzeichen.\n- Schalte die **Zwei-Faktor-Anmeldung** ein, wo es geht.\n- Gib dein Passwort nie am Telefon weiter, auch nicht an uns.",
         Topics.Digitales),
        ("Umzugskosten und Kaution",
         "Muss oder darf ich umziehen, kann das Jobcenter Kaution und Umzugskosten übernehmen, meist als Darlehen.",
         "Vor dem Umzug einen Antrag stellen:\n\n- **Kaution** meist als Darlehen.\n- **Umzugskosten** wie Transporter oder Helfer.\n- Erstausstattung, wenn du zum ersten Mal eine eigene Wohnung einrichtest.",
         Topics.Wohnen),
    ];
}

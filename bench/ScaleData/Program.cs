using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// bench/scale.sh's data generator. Usage:
//   ScaleData postgresql|sqlite CONNECTION_STRING TENANTS POSTS_PER_TENANT
// The database must be migrated and seeded by the product first (the demo tenant gross-gerau is copied). Adds tenants
// scale-000 … (copies of gross-gerau with its tenant topics) and TENANTS × POSTS_PER_TENANT published posts, written in
// the order post 0 of every tenant, post 1 of every tenant, … so that the tenants' rows are interleaved on disk.
// Texts are German words from a fixed list; "Bewerbung" is in ~35 % of the posts (CommonShare), "Zweiradmechatroniker"
// in one post per 10,000 of each tenant (at least one per tenant). One post in ten is an event starting 1–8 weeks after
// its publication. Publication times are spread evenly over the last five years, newest last.
// Search indexes are filled the way the product fills them: by the database itself (PostgreSQL's generated column or
// trigger-kept index table, SQLite's FTS triggers) or, for SQLite's per-tenant FTS tables of tenants made here, by the
// product's next start (bench/scale.sh starts it once more). The secondary indexes of Posts (and on PostgreSQL of the
// PostSearch* tables) are dropped before and recreated after the load.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: ScaleData postgresql|sqlite CONNECTION_STRING TENANTS POSTS_PER_TENANT");
    return 2;
}

var provider = args[0];
var tenantCount = int.Parse(args[2], CultureInfo.InvariantCulture);
var postsPerTenant = int.Parse(args[3], CultureInfo.InvariantCulture);
var clock = Stopwatch.StartNew();
var generator = new PostGenerator(tenantCount, postsPerTenant, DateTime.UtcNow);

if (provider == "postgresql")
{
    await using var dataSource = NpgsqlDataSource.Create(args[1]);
    await using var connection = await dataSource.OpenConnectionAsync();
    var tenants = await Db.CloneTenantsAsync(connection, tenantCount, "gen_random_uuid()", "now()");
    var columns = await Db.ColumnsAsync(connection,
        """SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_name = 'Posts' AND is_generated = 'NEVER' ORDER BY ordinal_position""");
    var indexes = await Db.StringsAsync(connection,
        """SELECT indexname, indexdef FROM pg_indexes WHERE (tablename = 'Posts' OR tablename LIKE 'PostSearch%') AND schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)""");
    for (var i = 0; i < indexes.Count; i += 2)
    {
        await Db.ExecAsync(connection, $"""DROP INDEX "{indexes[i]}" """);
    }

    await using (var writer = await connection.BeginBinaryImportAsync(
        $"""COPY "Posts" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)"""))
    {
        foreach (var post in generator.Posts(tenants))
        {
            await writer.StartRowAsync();
            foreach (var (name, nullable) in columns)
            {
                var value = post.Value(name, nullable);
                switch (value)
                {
                    case null: await writer.WriteNullAsync(); break;
                    case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid); break;
                    case DateTime d: await writer.WriteAsync(d, NpgsqlDbType.TimestampTz); break;
                    case int n: await writer.WriteAsync(n, NpgsqlDbType.Integer); break;
                    case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text); break;
                    default: throw new InvalidOperationException($"no writer for {value.GetType()}");
                }
            }
        }

        await writer.CompleteAsync();
    }

    Console.Error.WriteLine($"ScaleData: {generator.Count} posts copied in {clock.Elapsed.TotalSeconds:F0} s; indexing");
    for (var i = 1; i < indexes.Count; i += 2)
    {
        await Db.ExecAsync(connection, indexes[i], timeoutSeconds: 0);
    }

    await Db.ExecAsync(connection, "VACUUM (ANALYZE)", timeoutSeconds: 0);
}
else if (provider == "sqlite")
{
    await using var connection = new SqliteConnection(args[1]);
    await connection.OpenAsync();
    var tenants = await Db.CloneTenantsAsync(connection, tenantCount, "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))",
        "strftime('%Y-%m-%d %H:%M:%f', 'now')", fromHex: true);
    var columns = await Db.ColumnsAsync(connection, """SELECT name, "notnull" = 0 FROM pragma_table_xinfo('Posts') WHERE hidden = 0 ORDER BY cid""");
    var indexes = await Db.StringsAsync(connection, """SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Posts' AND sql IS NOT NULL""");
    for (var i = 0; i < indexes.Count; i += 2)
    {
        await Db.ExecAsync(connection, $"""DROP INDEX "{indexes[i]}" """);
    }

    await Db.ExecAsync(connection, "PRAGMA journal_mode = WAL");
    await Db.ExecAsync(connection, "PRAGMA synchronous = OFF");
    await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""INSERT INTO "Posts" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})""";
        var parameters = columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var post in generator.Posts(tenants))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = post.Value(columns[i].Name, columns[i].Nullable) switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString("D").ToUpperInvariant(),
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                    bool b => b ? 1 : 0,
                    var v => v,
                };
                parameters[i].SqliteType = parameters[i].Value is int ? SqliteType.Integer : SqliteType.Text;
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    Console.Error.WriteLine($"ScaleData: {generator.Count} posts inserted in {clock.Elapsed.TotalSeconds:F0} s; indexing");
    for (var i = 1; i < indexes.Count; i += 2)
    {
        await Db.ExecAsync(connection, indexes[i]);
    }

    await Db.ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
}
else
{
    Console.Error.WriteLine($"unknown provider {provider}");
    return 2;
}

Console.Error.WriteLine($"ScaleData: {tenantCount} tenants × {postsPerTenant} posts in {clock.Elapsed.TotalSeconds:F0} s");
return 0;

internal static class Db
{
    public static async Task ExecAsync(DbConnection connection, string sql, int timeoutSeconds = 600)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> StringsAsync(DbConnection connection, string sql)
    {
        var result = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                result.Add(reader.GetString(i));
            }
        }

        return result;
    }

    public static async Task<List<(string Name, bool Nullable)>> ColumnsAsync(DbConnection connection, string sql)
    {
        var result = new List<(string, bool)>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetString(0), Convert.ToBoolean(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>Copies gross-gerau (row and tenant topics) to scale-000 … and returns the new tenants' ids in slug order.</summary>
    public static async Task<List<Guid>> CloneTenantsAsync(DbConnection connection, int count, string newId, string now, bool fromHex = false)
    {
        var columns = connection is SqliteConnection
            ? await StringsAsync(connection, """SELECT name FROM pragma_table_info('Tenants') ORDER BY cid""")
            : await StringsAsync(connection, """SELECT column_name::text FROM information_schema.columns WHERE table_name = 'Tenants' ORDER BY ordinal_position""");
        var topicColumns = connection is SqliteConnection
            ? await StringsAsync(connection, """SELECT name FROM pragma_table_info('TenantTopics') ORDER BY cid""")
            : await StringsAsync(connection, """SELECT column_name::text FROM information_schema.columns WHERE table_name = 'TenantTopics' ORDER BY ordinal_position""");
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var source = fromHex ? $"""(SELECT *, lower(hex(randomblob(16))) AS h FROM "Tenants" WHERE "Slug" = 'gross-gerau')""" : """(SELECT * FROM "Tenants" WHERE "Slug" = 'gross-gerau')""";
        for (var i = 0; i < count; i++)
        {
            var slug = $"scale-{i:D3}";
            var select = string.Join(", ", columns.Select(c => c switch
            {
                "Id" => newId,
                "Slug" => $"'{slug}'",
                "DisplayName" => $"'Jobcenter Scale {i:D3}'",
                "Hostnames" => "''",
                "CreatedAt" => now,
                _ => $"\"{c}\"",
            }));
            await ExecAsync(connection, $"""INSERT INTO "Tenants" ({list}) SELECT {select} FROM {source} AS t""");
            var topicList = string.Join(", ", topicColumns.Select(c => $"\"{c}\""));
            var topicSelect = string.Join(", ", topicColumns.Select(c => c == "TenantId"
                ? $"""(SELECT "Id" FROM "Tenants" WHERE "Slug" = '{slug}')"""
                : $"tt.\"{c}\""));
            await ExecAsync(connection, $"""
                INSERT INTO "TenantTopics" ({topicList}) SELECT {topicSelect} FROM "TenantTopics" tt
                WHERE tt."TenantId" = (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'gross-gerau')
                """);
        }

        var ids = await StringsAsync(connection, connection is SqliteConnection
            ? """SELECT "Id" FROM "Tenants" WHERE "Slug" LIKE 'scale-%' ORDER BY "Slug" """
            : """SELECT "Id"::text FROM "Tenants" WHERE "Slug" LIKE 'scale-%' ORDER BY "Slug" """);
        return [.. ids.Select(Guid.Parse)];
    }
}

internal sealed class PostGenerator(int tenants, int postsPerTenant, DateTime now)
{
    public const string CommonWord = "Bewerbung";
    public const string RareWord = "Zweiradmechatroniker";
    private const double CommonShare = 0.35;

    // No word here shares a stem or a prefix of 4+ letters with the two measured words.
    private static readonly string[] Words = """
        Jobcenter Termin Antrag Unterlagen Beratung Ausbildung Praktikum Arbeitgeber Wohnung Miete Heizkosten Nebenkosten
        Bürgergeld Kindergeld Wohngeld Förderung Weiterbildung Kurs Sprachkurs Integrationskurs Schule Abschluss Zeugnis
        Lebenslauf Anschreiben Vorstellungsgespräch Stelle Stellenangebot Teilzeit Vollzeit Minijob Nebenjob Gehalt Lohn
        Steuer Konto Bank Versicherung Krankenkasse Gesundheit Familie Kinder Eltern Jugendliche junge Menschen Zukunft
        Beruf Berufsschule Betrieb Handwerk Pflege Erzieher Verkauf Lager Logistik Büro Verwaltung Technik Informatik
        Digitalisierung Computer Handy Internet Online Formular Nachweis Frist Monat Woche heute morgen wichtig neu
        einfach schnell kostenlos persönlich telefonisch vor Ort Öffnungszeiten Ansprechpartner Fallmanager Team Hilfe
        Unterstützung Angebot Veranstaltung Workshop Infotag Messe Ausbildungsmesse Sommer Winter Herbst Frühling Stadt
        Landkreis Bus Bahn Fahrkarte Führerschein Mobilität Umzug Kaution Schulden Beratungsstelle Budget sparen Geld
        planen lernen arbeiten fragen melden schreiben lesen finden suchen zeigen helfen kommen gehen bleiben bekommen
        brauchen wissen können müssen dürfen sollen wollen haben sein werden machen geben nehmen sehen sprechen erklären
        Möglichkeit Voraussetzung Anspruch Leistung Bescheid Widerspruch Änderung Einkommen Vermögen Bedarf Regelsatz
        Mehrbedarf Erstausstattung Bildungspaket Klassenfahrt Nachhilfe Mittagessen Sportverein Freizeit Jugendzentrum
        Studium Hochschule Universität BAföG Stipendium Auslandsjahr Freiwilligendienst Ehrenamt Engagement Erfahrung
        Qualifikation Kenntnisse Fähigkeiten Stärken Interessen Talente Motivation Ziel Plan Schritt Weg Chance Erfolg
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly int[] TopicFlags = [1, 2, 4, 8, 16];
    private readonly Random _random = new(13);
    private readonly StringBuilder _text = new();

    public long Count => (long)tenants * postsPerTenant;

    public IEnumerable<GeneratedPost> Posts(IReadOnlyList<Guid> tenantIds)
    {
        var span = TimeSpan.FromDays(5 * 365);
        var total = Count;
        var step = span.Ticks / total;
        var start = now - span;
        for (var k = 0; k < postsPerTenant; k++)
        {
            for (var t = 0; t < tenants; t++)
            {
                var n = (long)k * tenants + t;
                var publishedAt = new DateTime(start.Ticks + n * step + _random.NextInt64(Math.Max(1, step / 2)), DateTimeKind.Utc);
                var common = _random.NextDouble() < CommonShare;
                var rare = k % 10_000 == 7 % postsPerTenant;
                var topics = TopicFlags[_random.Next(TopicFlags.Length)] | (_random.Next(3) == 0 ? TopicFlags[_random.Next(TopicFlags.Length)] : 0);
                var isEvent = _random.Next(10) == 0;
                var startsAt = isEvent ? publishedAt.Date.AddDays(7 + _random.Next(50)).AddHours(9 + _random.Next(8)) : (DateTime?)null;
                yield return new GeneratedPost(
                    Guid.CreateVersion7(new DateTimeOffset(publishedAt)),
                    tenantIds[t],
                    Sentence(5 + _random.Next(4), common && _random.Next(3) == 0 ? CommonWord : null, capitalize: true),
                    Sentence(16 + _random.Next(10), null, capitalize: true),
                    Body(common ? CommonWord : null, rare ? RareWord : null),
                    topics,
                    publishedAt,
                    startsAt);
            }
        }
    }

    private string Sentence(int words, string? include, bool capitalize)
    {
        _text.Clear();
        var at = include is null ? -1 : _random.Next(words);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                _text.Append(' ');
            }

            _text.Append(i == at ? include : Words[_random.Next(Words.Length)]);
        }

        if (capitalize && _text.Length > 0)
        {
            _text[0] = char.ToUpperInvariant(_text[0]);
        }

        return _text.ToString();
    }

    private string Body(string? common, string? rare)
    {
        var paragraphs = 3 + _random.Next(3);
        var parts = new string[paragraphs];
        for (var p = 0; p < paragraphs; p++)
        {
            var include = p == 1 ? common : p == 2 ? rare : null;
            parts[p] = Sentence(20 + _random.Next(20), include, capitalize: true) + ".";
        }

        return string.Join("\n\n", parts);
    }
}

internal sealed record GeneratedPost(Guid Id, Guid TenantId, string Title, string Summary, string Body, int Topics, DateTime PublishedAt, DateTime? EventStartsAt)
{
    public object? Value(string column, bool nullable) => column switch
    {
        "Id" => Id,
        "TenantId" => TenantId,
        "Title" => Title,
        "Summary" => Summary,
        "BodyMarkdown" => Body,
        "TranslatedText" => "",
        "Topics" => Topics,
        "Language" => "de",
        "HasCoverImage" => false,
        "EventStartsAt" => EventStartsAt,
        "EventEndsAt" => EventStartsAt?.AddHours(2),
        "EventPlace" => EventStartsAt is null ? null : "Jobcenter, Raum 1.12",
        "EventCapacity" => null,
        "AuthorId" => Guid.Empty,
        "Status" => 2,
        "PublishAt" => PublishedAt,
        "PublishedAt" => PublishedAt,
        "CreatedAt" => PublishedAt,
        "UpdatedAt" => PublishedAt,
        "IsDemo" => false,
        "ContentVersion" => 1,
        "Version" => 1,
        _ when nullable => null,
        _ => throw new InvalidOperationException($"Posts.{column} is NOT NULL and the generator does not know it"),
    };
}

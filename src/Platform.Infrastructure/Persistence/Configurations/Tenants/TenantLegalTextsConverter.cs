using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Persistence.Configurations.Tenants;

/// <summary>
/// Keeps a tenant's legal texts as one JSON document in the existing text column <c>AccessibilityStatement</c>, so the
/// texts need no schema change (ADR-019). A value that is not a JSON object is the plain accessibility statement
/// stored before, and becomes its notes.
/// </summary>
public static class TenantLegalTextsConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<TenantLegalTexts, string> Converter { get; } = new(t => Write(t), s => Read(s));

    /// <summary>Records compare by value; the comparer keeps EF from treating every load as a change.</summary>
    public static ValueComparer<TenantLegalTexts> Comparer { get; } = new((a, b) => Equals(a, b), t => t.GetHashCode(), t => t);

    public static string Write(TenantLegalTexts texts) => JsonSerializer.Serialize(texts, Options);

    public static TenantLegalTexts Read(string stored)
    {
        var text = stored.Trim();
        if (text.Length == 0)
        {
            return new TenantLegalTexts();
        }

        if (text[0] == '{')
        {
            try
            {
                return JsonSerializer.Deserialize<TenantLegalTexts>(text, Options) ?? new TenantLegalTexts();
            }
            catch (JsonException)
            {
                // A plain statement that happens to start with a brace: keep it as it was written.
            }
        }

        return new TenantLegalTexts { Accessibility = new AccessibilityStatementDetails { Notes = text } };
    }
}

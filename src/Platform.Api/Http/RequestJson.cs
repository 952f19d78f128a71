using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Api.Errors;
using Platform.Application.Common;

namespace Platform.Api.Http;

/// <summary>
/// The rules every JSON request body is read with, whatever endpoint it goes to: text without control characters
/// (<see cref="TextInput"/>), and required members required (a missing <c>fourEyesRule</c> must not become false).
/// A violation is a <see cref="JsonException"/> whose path names the field; <see cref="ProblemDetailsExceptionHandler"/>
/// turns it into a 400.
/// </summary>
public static class RequestJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new CheckedStringConverter());
        // Numbers are JSON numbers: the web defaults also read "5" as 5, which the OpenAPI document then has to describe
        // as integer-or-string with a pattern (ADR-024). What the document says is what the API accepts.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireUndefaultableMembers);
    }

    /// <summary>
    /// A constructor parameter without a default value that cannot hold null (a bool, a number, an enum, a date, a
    /// non-nullable string or list) is required: leaving it out would silently mean false, zero or nothing. A nullable
    /// parameter or one with a default stays optional.
    /// </summary>
    private static void RequireUndefaultableMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false, IsMemberInitializer: false })
            {
                property.IsRequired = true;
            }
        }
    }

    private sealed class CheckedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()) ?? "";

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string? Checked(string? value) =>
            TextInput.IsAcceptable(value) ? value : throw new RejectedTextException();
    }

    /// <summary>The serializer adds the path of the offending field to it.</summary>
    public sealed class RejectedTextException() : JsonException(TextInput.Message);
}

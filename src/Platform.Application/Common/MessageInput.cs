using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;

namespace Platform.Application.Common;

/// <summary>
/// Checks every text of a command or query before any validator or handler sees it (<see cref="TextInput"/>), and
/// that a list declared with non-nullable elements holds no null (<c>postcodes: [null]</c>). It walks the message's
/// public properties, into the platform's own records and lists of them, so a new field is covered without anyone
/// remembering to add a rule — whether the message came from JSON, a form or a Blazor circuit.
/// </summary>
public static class MessageInput
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly Lock NullabilityLock = new();

    public static IReadOnlyList<ValidationFailure> Check(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, "", failures, 0);
        return failures;
    }

    private static void Walk(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var member in MembersOf(value.GetType()))
        {
            var child = member.Property.GetValue(value);
            var name = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            Visit(child, name, member.ElementsNonNullable, failures, depth);
        }
    }

    private static void Visit(object? value, string name, bool elementsNonNullable, List<ValidationFailure> failures, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!TextInput.IsAcceptable(text))
                {
                    failures.Add(new ValidationFailure(name, TextInput.Message));
                }

                return;
            case IEnumerable items when IsWalkedCollection(value.GetType()):
                var index = 0;
                foreach (var item in items)
                {
                    var itemName = $"{name}[{index++}]";
                    if (item is null)
                    {
                        if (elementsNonNullable)
                        {
                            failures.Add(new ValidationFailure(itemName, ValidationMessages.Get("Input.NullElement")));
                        }

                        continue;
                    }

                    Visit(item, itemName, false, failures, depth + 1);
                }

                return;
            default:
                if (IsPlatformType(value.GetType()))
                {
                    Walk(value, name, failures, depth + 1);
                }

                return;
        }
    }

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, static t =>
    [
        .. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && IsWalked(p.PropertyType))
            .Select(p => new Member(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), ElementsNonNullable(p))),
    ]);

    private static bool IsWalked(Type type) =>
        type == typeof(string) || IsPlatformType(type) || IsWalkedCollection(type) || type == typeof(object);

    /// <summary>Lists of text or of the platform's own records; byte arrays, streams and the like are not text.</summary>
    private static bool IsWalkedCollection(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        var element = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null && (element == typeof(string) || IsPlatformType(element));
    }

    private static bool IsPlatformType(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true
        && !typeof(Delegate).IsAssignableFrom(type) && !typeof(Stream).IsAssignableFrom(type);

    private static bool ElementsNonNullable(PropertyInfo property)
    {
        if (!IsWalkedCollection(property.PropertyType))
        {
            return false;
        }

        NullabilityInfo info;
        lock (NullabilityLock)
        {
            info = Nullability.Create(property);
        }

        var element = info.ElementType ?? info.GenericTypeArguments.FirstOrDefault();
        return element is { ReadState: NullabilityState.NotNull };
    }

    private sealed record Member(PropertyInfo Property, string Name, bool ElementsNonNullable);
}

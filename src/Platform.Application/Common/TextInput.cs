namespace Platform.Application.Common;

/// <summary>
/// The one rule for text that enters the platform, whatever the channel (JSON body, query, route, form, a Blazor
/// circuit): no control characters except tab, line feed and carriage return, and no unpaired surrogates. PostgreSQL
/// cannot store U+0000 at all, and the others break mails, iCalendar and feeds further down; they are refused with a
/// 400 naming the field rather than silently stripped, so nobody's text is changed behind their back.
/// </summary>
public static class TextInput
{
    public static bool IsAcceptable(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string Message => ValidationMessages.Get("Input.ControlCharacters");
}

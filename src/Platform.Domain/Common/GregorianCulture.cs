using System.Collections.Concurrent;
using System.Globalization;

namespace Platform.Domain.Common;

/// <summary>
/// A language's culture on the Gregorian calendar, the one every jobcenter letter uses: Farsi counts in the Solar Hijri
/// calendar by default (16 Azar 1405 for 7 December 2026), some Arabic cultures in the Hijri one.
/// </summary>
public static class GregorianCulture
{
    /// <summary>Each page shows many dates: the clone is made once per culture.</summary>
    private static readonly ConcurrentDictionary<string, CultureInfo> Clones = new(StringComparer.Ordinal);

    public static CultureInfo Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.DateTimeFormat.Calendar is GregorianCalendar ? culture : Clones.GetOrAdd(culture.Name, _ => Clone(culture));
    }

    private static CultureInfo Clone(CultureInfo culture)
    {
        if (!culture.OptionalCalendars.Any(c => c is GregorianCalendar))
        {
            return culture;
        }

        var gregorian = (CultureInfo)culture.Clone();
        gregorian.DateTimeFormat.Calendar = culture.OptionalCalendars.First(c => c is GregorianCalendar);
        return CultureInfo.ReadOnly(gregorian);
    }
}

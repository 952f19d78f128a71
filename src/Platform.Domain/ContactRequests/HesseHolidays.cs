namespace Platform.Domain.ContactRequests;

/// <summary>
/// The public holidays of Hesse, on which no callbacks are offered: Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi
/// Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen Einheit and both Christmas days.
/// </summary>
public static class HesseHolidays
{
    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, after Gauss).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(-2),
            easter.AddDays(1),
            new DateOnly(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            easter.AddDays(60),
            new DateOnly(year, 10, 3),
            new DateOnly(year, 12, 25),
            new DateOnly(year, 12, 26),
        ];
    }

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Contains(date);
}

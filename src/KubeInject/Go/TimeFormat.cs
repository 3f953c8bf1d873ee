using System.Globalization;
using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Go's time layouts (<c>Time.Format</c> and <c>time.ParseInLocation</c>, time/format.go): a layout writes the
/// reference time <c>Mon Jan 2 15:04:05 MST 2006</c> as the value should look; each element of it (<c>2006</c>,
/// <c>01</c>, <c>Jan</c>, <c>_2</c>, <c>15</c>, <c>03</c>, <c>PM</c>, <c>-07:00</c>, <c>Z07:00</c>, <c>MST</c>,
/// <c>.000</c>, <c>.999</c>, …) stands for that part of the time, everything else is literal text.
/// </summary>
internal static class TimeFormat
{
    private enum Std
    {
        None, LongMonth, Month, NumMonth, ZeroMonth, LongWeekDay, WeekDay, Day, UnderDay, ZeroDay, UnderYearDay,
        ZeroYearDay, Hour, Hour12, ZeroHour12, Minute, ZeroMinute, Second, ZeroSecond, LongYear, Year, PM, pm, TZ,
        ISO8601TZ, ISO8601SecondsTZ, ISO8601ShortTZ, ISO8601ColonTZ, ISO8601ColonSecondsTZ, NumTZ, NumSecondsTz,
        NumShortTZ, NumColonTZ, NumColonSecondsTZ, FracSecond0, FracSecond9,
    }

    // One layout element: what it is, and for fractional seconds the digit count and separator ('.' or ',').
    private readonly record struct Chunk(string Prefix, Std Std, int Digits, char Separator, string Suffix);

    private static readonly string[] LongMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] LongDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static bool StartsWithLower(string s, int at) => at < s.Length && s[at] is >= 'a' and <= 'z';

    private static bool At(string layout, int i, string text) => string.CompareOrdinal(layout, i, text, 0, text.Length) == 0 && layout.Length >= i + text.Length;

    // Go's nextStdChunk: the text before the first element, the element, the rest.
    private static Chunk Next(string layout)
    {
        for (int i = 0; i < layout.Length; i++)
        {
            Chunk C(Std std, int length) => new(layout[..i], std, 0, '.', layout[(i + length)..]);
            switch (layout[i])
            {
                case 'J':
                    if (At(layout, i, "Jan"))
                    {
                        if (At(layout, i, "January")) return C(Std.LongMonth, 7);
                        if (!StartsWithLower(layout, i + 3)) return C(Std.Month, 3);
                    }
                    break;
                case 'M':
                    if (At(layout, i, "Mon"))
                    {
                        if (At(layout, i, "Monday")) return C(Std.LongWeekDay, 6);
                        if (!StartsWithLower(layout, i + 3)) return C(Std.WeekDay, 3);
                    }
                    if (At(layout, i, "MST")) return C(Std.TZ, 3);
                    break;
                case '0':
                    if (i + 1 < layout.Length && layout[i + 1] is >= '1' and <= '6')
                        return C(layout[i + 1] switch { '1' => Std.ZeroMonth, '2' => Std.ZeroDay, '3' => Std.ZeroHour12, '4' => Std.ZeroMinute, '5' => Std.ZeroSecond, _ => Std.Year }, 2);
                    if (At(layout, i, "002")) return C(Std.ZeroYearDay, 3);
                    break;
                case '1':
                    return At(layout, i, "15") ? C(Std.Hour, 2) : C(Std.NumMonth, 1);
                case '2':
                    return At(layout, i, "2006") ? C(Std.LongYear, 4) : C(Std.Day, 1);
                case '_':
                    if (At(layout, i, "_2"))
                    {
                        // _2006 is a literal _ and the long year.
                        if (At(layout, i + 1, "2006")) return new Chunk(layout[..(i + 1)], Std.LongYear, 0, '.', layout[(i + 5)..]);
                        return C(Std.UnderDay, 2);
                    }
                    if (At(layout, i, "__2")) return C(Std.UnderYearDay, 3);
                    break;
                case '3': return C(Std.Hour12, 1);
                case '4': return C(Std.Minute, 1);
                case '5': return C(Std.Second, 1);
                case 'P':
                    if (At(layout, i, "PM")) return C(Std.PM, 2);
                    break;
                case 'p':
                    if (At(layout, i, "pm")) return C(Std.pm, 2);
                    break;
                case '-':
                    if (At(layout, i, "-070000")) return C(Std.NumSecondsTz, 7);
                    if (At(layout, i, "-07:00:00")) return C(Std.NumColonSecondsTZ, 9);
                    if (At(layout, i, "-0700")) return C(Std.NumTZ, 5);
                    if (At(layout, i, "-07:00")) return C(Std.NumColonTZ, 6);
                    if (At(layout, i, "-07")) return C(Std.NumShortTZ, 3);
                    break;
                case 'Z':
                    if (At(layout, i, "Z070000")) return C(Std.ISO8601SecondsTZ, 7);
                    if (At(layout, i, "Z07:00:00")) return C(Std.ISO8601ColonSecondsTZ, 9);
                    if (At(layout, i, "Z0700")) return C(Std.ISO8601TZ, 5);
                    if (At(layout, i, "Z07:00")) return C(Std.ISO8601ColonTZ, 6);
                    if (At(layout, i, "Z07")) return C(Std.ISO8601ShortTZ, 3);
                    break;
                case '.' or ',':
                    if (i + 1 < layout.Length && layout[i + 1] is '0' or '9')
                    {
                        char ch = layout[i + 1];
                        int j = i + 1;
                        while (j < layout.Length && layout[j] == ch) j++;
                        // Only a run of one digit that ends here is a fraction.
                        if (!(j < layout.Length && char.IsAsciiDigit(layout[j])))
                            return new Chunk(layout[..i], ch == '0' ? Std.FracSecond0 : Std.FracSecond9, j - (i + 1), layout[i], layout[j..]);
                    }
                    break;
            }
        }
        return new Chunk(layout, Std.None, 0, '.', "");
    }

    /// <summary>Go's <c>t.Format(layout)</c>.</summary>
    public static string Format(TimeValue t, string layout)
    {
        var d = t.Instant;
        var sb = new StringBuilder();
        int offset = (int)d.Offset.TotalSeconds;
        while (layout.Length > 0)
        {
            var c = Next(layout);
            sb.Append(c.Prefix);
            if (c.Std == Std.None) break;
            layout = c.Suffix;
            int hour = d.Hour;
            switch (c.Std)
            {
                case Std.Year: Pad(sb, d.Year % 100, 2); break;
                case Std.LongYear: Pad(sb, d.Year, 4); break;
                case Std.Month: sb.Append(LongMonthNames[d.Month - 1][..3]); break;
                case Std.LongMonth: sb.Append(LongMonthNames[d.Month - 1]); break;
                case Std.NumMonth: Pad(sb, d.Month, 0); break;
                case Std.ZeroMonth: Pad(sb, d.Month, 2); break;
                case Std.WeekDay: sb.Append(LongDayNames[(int)d.DayOfWeek][..3]); break;
                case Std.LongWeekDay: sb.Append(LongDayNames[(int)d.DayOfWeek]); break;
                case Std.Day: Pad(sb, d.Day, 0); break;
                case Std.UnderDay: if (d.Day < 10) sb.Append(' '); Pad(sb, d.Day, 0); break;
                case Std.ZeroDay: Pad(sb, d.Day, 2); break;
                case Std.UnderYearDay: sb.Append(d.DayOfYear < 100 ? (d.DayOfYear < 10 ? "  " : " ") : ""); Pad(sb, d.DayOfYear, 0); break;
                case Std.ZeroYearDay: Pad(sb, d.DayOfYear, 3); break;
                case Std.Hour: Pad(sb, hour, 2); break;
                case Std.Hour12: Pad(sb, hour % 12 == 0 ? 12 : hour % 12, 0); break;
                case Std.ZeroHour12: Pad(sb, hour % 12 == 0 ? 12 : hour % 12, 2); break;
                case Std.Minute: Pad(sb, d.Minute, 0); break;
                case Std.ZeroMinute: Pad(sb, d.Minute, 2); break;
                case Std.Second: Pad(sb, d.Second, 0); break;
                case Std.ZeroSecond: Pad(sb, d.Second, 2); break;
                case Std.PM: sb.Append(hour >= 12 ? "PM" : "AM"); break;
                case Std.pm: sb.Append(hour >= 12 ? "pm" : "am"); break;
                case Std.TZ:
                    if (t.ZoneName.Length > 0) { sb.Append(t.ZoneName); break; }
                    // No abbreviation known: Go prints the -0700 form.
                    int z = offset / 60;
                    sb.Append(z < 0 ? '-' : '+');
                    Pad(sb, Math.Abs(z) / 60, 2);
                    Pad(sb, Math.Abs(z) % 60, 2);
                    break;
                case Std.FracSecond0 or Std.FracSecond9:
                    AppendNano(sb, (int)(d.Ticks % TimeSpan.TicksPerSecond) * 100, c);
                    break;
                default:
                    AppendZone(sb, c.Std, offset);
                    break;
            }
        }
        return sb.ToString();
    }

    private static void AppendZone(StringBuilder sb, Std std, int offset)
    {
        bool iso = std is Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ;
        if (offset == 0 && iso) { sb.Append('Z'); return; }
        int zone = offset / 60;
        int abs = Math.Abs(offset);
        sb.Append(zone < 0 ? '-' : '+');
        zone = Math.Abs(zone);
        Pad(sb, zone / 60, 2);
        if (std is Std.ISO8601ColonTZ or Std.NumColonTZ or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ) sb.Append(':');
        if (std is not Std.NumShortTZ and not Std.ISO8601ShortTZ) Pad(sb, zone % 60, 2);
        if (std is Std.ISO8601SecondsTZ or Std.NumSecondsTz or Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
        {
            if (std is Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ) sb.Append(':');
            Pad(sb, abs % 60, 2);
        }
    }

    // Go's appendNano: .000 keeps every digit, .999 drops trailing zeros (and the separator when nothing is left).
    private static void AppendNano(StringBuilder sb, int nanos, Chunk c)
    {
        bool trim = c.Std == Std.FracSecond9;
        if (trim && (c.Digits == 0 || nanos == 0)) return;
        var digits = nanos.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(c.Digits, 9)];
        if (trim) digits = digits.TrimEnd('0');
        if (digits.Length == 0 && trim) return;
        sb.Append(c.Separator).Append(digits);
    }

    private static void Pad(StringBuilder sb, int value, int width)
    {
        if (value < 0) { sb.Append('-'); value = -value; }
        sb.Append(value.ToString(width > 0 ? "D" + width.ToString(CultureInfo.InvariantCulture) : "D", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Go's <c>time.ParseInLocation(layout, value, time.Local)</c> with KubeInject's <c>Local</c>, UTC. A value that
    /// does not fit throws <see cref="FormatException"/> with Go's message.
    /// </summary>
    public static TimeValue Parse(string layout, string value)
    {
        string alayout = layout, avalue = value;
        FormatException Error(string layoutElem, string valueElem) =>
            new($"parsing time {Strconv.Quote(avalue)} as {Strconv.Quote(alayout)}: cannot parse {Strconv.Quote(valueElem)} as {Strconv.Quote(layoutElem)}");
        FormatException Range(string what) => new($"parsing time {Strconv.Quote(avalue)}: {what} out of range");

        int year = 1, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0;
        long nanos = 0;
        bool pmSet = false, amSet = false;
        int? zoneOffset = null;
        string? zoneName = null;
        while (true)
        {
            var c = Next(layout);
            string stdstr = layout[c.Prefix.Length..(layout.Length - c.Suffix.Length)];
            if (!Skip(ref value, c.Prefix)) throw Error(c.Prefix, value);
            if (c.Std == Std.None)
            {
                if (value.Length != 0) throw new FormatException($"parsing time {Strconv.Quote(avalue)}: extra text: {Strconv.Quote(value)}");
                break;
            }
            layout = c.Suffix;
            string hold = value;
            bool ok = true;
            switch (c.Std)
            {
                case Std.Year:
                    if (value.Length < 2 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1])) { ok = false; break; }
                    year = int.Parse(value[..2], CultureInfo.InvariantCulture);
                    year += year >= 69 ? 1900 : 2000;
                    value = value[2..];
                    break;
                case Std.LongYear:
                    if (value.Length < 4 || !value[..4].All(char.IsAsciiDigit)) { ok = false; break; }
                    year = int.Parse(value[..4], CultureInfo.InvariantCulture);
                    value = value[4..];
                    break;
                case Std.Month or Std.LongMonth:
                    ok = Lookup(c.Std == Std.Month ? LongMonthNames.Select(n => n[..3]).ToArray() : LongMonthNames, ref value, out month);
                    month++;
                    break;
                case Std.NumMonth or Std.ZeroMonth:
                    ok = GetNum(ref value, c.Std == Std.ZeroMonth, out month);
                    if (ok && (month <= 0 || month > 12)) throw Range("month");
                    break;
                case Std.WeekDay or Std.LongWeekDay:
                    ok = Lookup(c.Std == Std.WeekDay ? LongDayNames.Select(n => n[..3]).ToArray() : LongDayNames, ref value, out _);
                    break;
                case Std.Day or Std.UnderDay or Std.ZeroDay:
                    if (c.Std == Std.UnderDay && value.Length > 0 && value[0] == ' ') value = value[1..];
                    ok = GetNum(ref value, c.Std == Std.ZeroDay, out day);
                    break;
                case Std.UnderYearDay or Std.ZeroYearDay:
                    for (int i = 0; i < 2 && c.Std == Std.UnderYearDay && value.Length > 0 && value[0] == ' '; i++) value = value[1..];
                    ok = GetNum3(ref value, c.Std == Std.ZeroYearDay, out yday);
                    break;
                case Std.Hour:
                    ok = GetNum(ref value, false, out hour);
                    if (ok && (hour < 0 || hour >= 24)) throw Range("hour");
                    break;
                case Std.Hour12 or Std.ZeroHour12:
                    ok = GetNum(ref value, c.Std == Std.ZeroHour12, out hour);
                    if (ok && (hour < 0 || hour > 12)) throw Range("hour");
                    break;
                case Std.Minute or Std.ZeroMinute:
                    ok = GetNum(ref value, c.Std == Std.ZeroMinute, out min);
                    if (ok && (min < 0 || min >= 60)) throw Range("minute");
                    break;
                case Std.Second or Std.ZeroSecond:
                    ok = GetNum(ref value, c.Std == Std.ZeroSecond, out sec);
                    if (!ok) break;
                    if (sec < 0 || sec >= 60) throw Range("second");
                    // A fractional second in the value with no fraction in the layout is read anyway.
                    if (value.Length >= 2 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1]) && Next(layout).Std is not (Std.FracSecond0 or Std.FracSecond9))
                    {
                        int n = 1;
                        while (n < value.Length && char.IsAsciiDigit(value[n])) n++;
                        nanos = Nanos(value[1..n]);
                        value = value[n..];
                    }
                    break;
                case Std.PM or Std.pm:
                    if (value.Length < 2) { ok = false; break; }
                    var p = value[..2];
                    if (p == (c.Std == Std.PM ? "PM" : "pm")) pmSet = true;
                    else if (p == (c.Std == Std.PM ? "AM" : "am")) amSet = true;
                    else ok = false;
                    if (ok) value = value[2..];
                    break;
                case Std.TZ:
                    // An abbreviation: UTC, or GMT with an optional hour offset, or 3 to 5 capitals; Local is UTC,
                    // so any other name gets offset 0, as Go gives a name it does not know.
                    if (value.StartsWith("UTC", StringComparison.Ordinal)) { zoneName = "UTC"; zoneOffset = 0; value = value[3..]; break; }
                    int len = 0;
                    while (len < value.Length && len < 5 && char.IsAsciiLetterUpper(value[len])) len++;
                    if (len < 3) { ok = false; break; }
                    zoneName = value[..len];
                    zoneOffset = 0;
                    value = value[len..];
                    break;
                case Std.FracSecond0:
                {
                    int ndigit = 1 + c.Digits;
                    if (value.Length < ndigit || value[0] != c.Separator || !value[1..ndigit].All(char.IsAsciiDigit)) { ok = false; break; }
                    nanos = Nanos(value[1..ndigit]);
                    value = value[ndigit..];
                    break;
                }
                case Std.FracSecond9:
                {
                    if (value.Length < 2 || value[0] is not ('.' or ',') || !char.IsAsciiDigit(value[1])) break;
                    int n = 1;
                    while (n < 10 && n < value.Length && char.IsAsciiDigit(value[n])) n++;
                    nanos = Nanos(value[1..n]);
                    value = value[n..];
                    break;
                }
                default:
                    ok = ParseZone(c.Std, ref value, out var off);
                    if (ok) zoneOffset = off;
                    break;
            }
            if (!ok) throw Error(stdstr, hold);
        }
        if (pmSet && hour < 12) hour += 12;
        else if (amSet && hour == 12) hour = 0;
        if (yday >= 0)
        {
            if (yday < 1 || yday > (DateTime.IsLeapYear(year) ? 366 : 365)) throw Range("day-of-year");
            var date = new DateTime(year, 1, 1).AddDays(yday - 1);
            if (month >= 0 && month != date.Month || day >= 0 && day != date.Day) throw Range("day-of-year");
            (month, day) = (date.Month, date.Day);
        }
        if (month < 0) month = 1;
        if (day < 0) day = 1;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) throw Range("day");
        var offset = TimeSpan.FromSeconds(zoneOffset ?? 0);
        var instant = new DateTimeOffset(year, month, day, hour, min, sec, offset).AddTicks(nanos / 100);
        // A numeric offset other than Local's (UTC) has no name; an offset of zero is Local, UTC.
        string name = zoneName ?? (offset == TimeSpan.Zero ? "UTC" : "");
        return new TimeValue(instant, name);
    }

    private static long Nanos(string digits)
    {
        var nine = (digits.Length > 9 ? digits[..9] : digits).PadRight(9, '0');
        return long.Parse(nine, CultureInfo.InvariantCulture);
    }

    // Go's skip: the layout's literal text must be next in the value; a space matches one or more spaces.
    private static bool Skip(ref string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ') return false;
                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }
            if (value.Length == 0 || value[0] != prefix[0]) return false;
            prefix = prefix[1..];
            value = value[1..];
        }
        return true;
    }

    private static bool Lookup(string[] names, ref string value, out int index)
    {
        for (index = 0; index < names.Length; index++)
        {
            var n = names[index];
            if (value.Length >= n.Length && string.Equals(value[..n.Length], n, StringComparison.OrdinalIgnoreCase))
            {
                value = value[n.Length..];
                return true;
            }
        }
        index = -1;
        return false;
    }

    // Go's getnum: one or two digits (exactly two when fixed).
    private static bool GetNum(ref string value, bool fixedWidth, out int n)
    {
        n = 0;
        if (value.Length == 0 || !char.IsAsciiDigit(value[0])) return false;
        if (value.Length < 2 || !char.IsAsciiDigit(value[1]))
        {
            if (fixedWidth) return false;
            n = value[0] - '0';
            value = value[1..];
            return true;
        }
        n = (value[0] - '0') * 10 + value[1] - '0';
        value = value[2..];
        return true;
    }

    private static bool GetNum3(ref string value, bool fixedWidth, out int n)
    {
        n = 0;
        int i = 0;
        while (i < 3 && i < value.Length && char.IsAsciiDigit(value[i])) n = n * 10 + value[i++] - '0';
        if (i == 0 || fixedWidth && i != 3) return false;
        value = value[i..];
        return true;
    }

    private static bool ParseZone(Std std, ref string value, out int offset)
    {
        offset = 0;
        bool iso = std is Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ;
        if (iso && value.Length >= 1 && value[0] == 'Z') { value = value[1..]; return true; }
        bool colon = std is Std.ISO8601ColonTZ or Std.NumColonTZ or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ;
        bool seconds = std is Std.ISO8601SecondsTZ or Std.NumSecondsTz or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ;
        bool shortTz = std is Std.NumShortTZ or Std.ISO8601ShortTZ;
        string pattern = shortTz ? "-hh" : colon ? (seconds ? "-hh:mm:ss" : "-hh:mm") : (seconds ? "-hhmmss" : "-hhmm");
        if (value.Length < pattern.Length || value[0] is not ('+' or '-')) return false;
        for (int i = 1; i < pattern.Length; i++)
            if (pattern[i] == ':' ? value[i] != ':' : !char.IsAsciiDigit(value[i])) return false;
        var digits = value[1..pattern.Length].Replace(":", "");
        int hh = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        int mm = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        int ss = digits.Length >= 6 ? int.Parse(digits[4..6], CultureInfo.InvariantCulture) : 0;
        if (hh > 24 || mm > 60 || ss > 60) return false;
        offset = (hh * 60 + mm) * 60 + ss;
        if (value[0] == '-') offset = -offset;
        value = value[pattern.Length..];
        return true;
    }
}

using System.Globalization;
using KubeInject.Go;
using KubeInject.Rendering;
using Scriban;

namespace KubeInject.GoTemplates;

// sprig v3's date functions (date.go): times are Go time.Time values (TimeValue), formatted with Go layouts;
// "now" is the render's (GoTemplateContext.Now, from the caller's InjectionOptions.Clock); the Local zone is UTC (see TimeValue.In).
internal static partial class GoFunctions
{
    private static void AddSprigDates(Dictionary<string, GoFunction> m)
    {
        Fixed(m, "now", 0, (c, _) => TimeValue.Utc(Now(c)));
        Fixed(m, "date", 2, (c, a) => DateInZone(c, Str(a[0]), a[1], "Local"));
        Fixed(m, "dateInZone", 3, (c, a) => DateInZone(c, Str(a[0]), a[1], Str(a[2])));
        Fixed(m, "date_in_zone", 3, (c, a) => DateInZone(c, Str(a[0]), a[1], Str(a[2])));
        Fixed(m, "htmlDate", 1, (c, a) => DateInZone(c, "2006-01-02", a[0], "Local"));
        Fixed(m, "htmlDateInZone", 2, (c, a) => DateInZone(c, "2006-01-02", a[0], Str(a[1])));
        Fixed(m, "dateModify", 2, (_, a) => DateModify(Str(a[0]), TimeArg(a[1]), must: null));
        Fixed(m, "date_modify", 2, (_, a) => DateModify(Str(a[0]), TimeArg(a[1]), must: null));
        Fixed(m, "mustDateModify", 2, (_, a) => DateModify(Str(a[0]), TimeArg(a[1]), must: "mustDateModify"));
        Fixed(m, "must_date_modify", 2, (_, a) => DateModify(Str(a[0]), TimeArg(a[1]), must: "must_date_modify"));
        Fixed(m, "ago", 1, (c, a) => Time.DurationString(Round(TimeValue.Utc(Now(c)).Sub(a[0] switch
        {
            TimeValue t => t,
            long or int => TimeValue.FromUnix(ToInt64(a[0])),
            _ => TimeValue.Utc(Now(c)),
        }), 1_000_000_000)));
        Fixed(m, "duration", 1, (_, a) => Time.DurationString(a[0] switch
        {
            string s => (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0) * 1_000_000_000,
            // Go's int64 (a struct field such as terminationGracePeriodSeconds); Go gives an int literal 0s.
            long l => l * 1_000_000_000,
            _ => 0,
        }));
        Fixed(m, "durationRound", 1, (c, a) => DurationRound(a[0] switch
        {
            string s => Time.ParseDuration(s, out _) ?? 0,
            long l => l,
            TimeValue t => TimeValue.Utc(Now(c)).Sub(t),
            _ => 0,
        }));
        Fixed(m, "toDate", 2, (_, a) => { try { return TimeFormat.Parse(Str(a[0]), Str(a[1])); } catch (FormatException) { return TimeValue.Zero; } });
        Fixed(m, "mustToDate", 2, (_, a) => { try { return TimeFormat.Parse(Str(a[0]), Str(a[1])); } catch (FormatException e) { throw new GoExecException("error calling mustToDate: " + e.Message); } });
        Fixed(m, "unixEpoch", 1, (_, a) => TimeArg(a[0]).UnixSeconds.ToString(CultureInfo.InvariantCulture));
    }

    // The render's instant (InjectionOptions.Clock); a context of another kind has no clock, and gets the epoch.
    private static DateTimeOffset Now(TemplateContext c) => c is GoTemplateContext g ? g.Now : DateTimeOffset.UnixEpoch;

    // sprig's dateInZone: a time, or Unix seconds; anything else is now. An unknown zone is UTC.
    private static string DateInZone(TemplateContext c, string layout, object? date, string zone)
    {
        var t = date switch
        {
            TimeValue v => v,
            long or int => TimeValue.FromUnix(ToInt64(date)),
            _ => TimeValue.Utc(Now(c)),
        };
        return TimeFormat.Format(t.In(zone), layout);
    }

    private static TimeValue DateModify(string duration, TimeValue date, string? must)
    {
        var d = Time.ParseDuration(duration, out var error);
        if (d is long nanos) return date.Add(nanos);
        return must is null ? date : throw new GoExecException($"error calling {must}: {error}");
    }

    private static TimeValue TimeArg(object? v) => v as TimeValue
        ?? throw new GoExecException($"wrong type for value; expected time.Time; got {(v is null ? "<nil>" : GoSemantics.TypeName(v))}");

    // Go's Duration.Round: to the nearest multiple, halves away from zero.
    private static long Round(long d, long m)
    {
        long r = d % m;
        if (d < 0)
        {
            r = -r;
            return r + r < m ? d + r : d - m + r;
        }
        return r + r < m ? d - r : d + m - r;
    }

    // sprig's durationRound: the largest whole unit (y = 365 days, mo = 30 days, d, h, m, s) the duration exceeds.
    private static string DurationRound(long d)
    {
        ulong u = d < 0 ? (ulong)(-(d + 1)) + 1 : (ulong)d;
        const ulong second = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour, month = 30 * day, year = 365 * day;
        foreach (var (unit, suffix) in new[] { (year, "y"), (month, "mo"), (day, "d"), (hour, "h"), (minute, "m"), (second, "s") })
            if (u > unit) return (u / unit).ToString(CultureInfo.InvariantCulture) + suffix;
        return "0s";
    }
}

namespace KubeInject.Go;

/// <summary>
/// A Go <c>time.Time</c>: an instant with the offset and zone abbreviation it is shown in (<c>""</c> when .NET does
/// not know it, see <see cref="ZoneAbbreviation"/>, so the layout's <c>MST</c> prints the offset). Prints as Go's <c>Time.String()</c>, without
/// the monotonic clock reading Go appends to <c>time.Now()</c>.
/// </summary>
internal sealed record TimeValue(DateTimeOffset Instant, string ZoneName)
{
    /// <summary>Go's zero time, January 1, year 1, 00:00:00 UTC (what sprig's <c>toDate</c> returns on a bad date).</summary>
    public static TimeValue Zero { get; } = new(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), "UTC");

    /// <summary>An instant shown in UTC.</summary>
    public static TimeValue Utc(DateTimeOffset instant) => new(instant.ToUniversalTime(), "UTC");

    /// <summary>Go's <c>time.Unix(seconds, 0)</c>, in UTC (KubeInject's <c>Local</c>).</summary>
    public static TimeValue FromUnix(long seconds) => Utc(DateTimeOffset.FromUnixTimeSeconds(seconds));

    /// <summary>Go's <c>t.Unix()</c>.</summary>
    public long UnixSeconds => Instant.ToUnixTimeSeconds();

    /// <summary>Go's <c>t.Add(d)</c> for a duration in nanoseconds (the instant's 100 ns ticks keep what they can).</summary>
    public TimeValue Add(long nanos) => this with { Instant = Instant.AddTicks(nanos / 100) };

    /// <summary>Go's <c>t.Sub(u)</c> in nanoseconds.</summary>
    public long Sub(TimeValue u) => (Instant - u.Instant).Ticks * 100;

    /// <summary>
    /// Go's <c>t.In(time.LoadLocation(zone))</c> as sprig uses it: an IANA name through
    /// <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>; <c>""</c>, <c>UTC</c> and <c>Local</c> are UTC (KubeInject
    /// renders as the injector's pod does, in UTC, not in the zone of the machine it runs on); a name that is not found
    /// is UTC too, sprig's fallback.
    /// </summary>
    public TimeValue In(string zone)
    {
        if (zone is "" or "UTC" or "Local") return Utc(Instant);
        TimeZoneInfo tz;
        try { tz = TimeZoneInfo.FindSystemTimeZoneById(zone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException or IOException)
        {
            return Utc(Instant);
        }
        return new TimeValue(TimeZoneInfo.ConvertTime(Instant, tz), ZoneAbbreviation.Of(tz, Instant));
    }

    /// <summary>Go's <c>Time.String()</c>: <c>2006-01-02 15:04:05.999999999 -0700 MST</c>.</summary>
    public override string ToString() => TimeFormat.Format(this, "2006-01-02 15:04:05.999999999 -0700 MST");
}

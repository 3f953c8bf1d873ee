namespace KubeInject.Go;

/// <summary>
/// The abbreviation Go prints for a zone's <c>MST</c> (<c>CET</c>, <c>EDT</c>, <c>+04</c>): Go reads it from the zone
/// database for the instant. .NET gives it only as <see cref="TimeZoneInfo.StandardName"/> and
/// <see cref="TimeZoneInfo.DaylightName"/>, and only where it reads names from the zone files itself (invariant
/// globalization, as the kube-inject CLI runs); with ICU those are display names ("Central European Standard Time"),
/// and <c>""</c> is returned so the offset is printed instead. The UTC zones are <c>UTC</c> everywhere.
/// </summary>
internal static class ZoneAbbreviation
{
    private static readonly HashSet<string> UtcZones = new(StringComparer.Ordinal)
    {
        "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu",
    };

    /// <summary>The abbreviation of <paramref name="zone"/> at <paramref name="instant"/>, or <c>""</c> when .NET does not know it.</summary>
    public static string Of(TimeZoneInfo zone, DateTimeOffset instant)
    {
        if (UtcZones.Contains(zone.Id)) return "UTC";
        return FromNames(zone.IsDaylightSavingTime(instant) ? zone.DaylightName : zone.StandardName);
    }

    /// <summary>
    /// <paramref name="name"/> when it is a zone database abbreviation (tzfile(5): three to six ASCII letters, digits,
    /// '+' or '-'), else <c>""</c>.
    /// </summary>
    public static string FromNames(string name) =>
        name.Length is >= 3 and <= 6 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-') ? name : "";
}

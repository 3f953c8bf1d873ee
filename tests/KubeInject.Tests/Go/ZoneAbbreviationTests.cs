using KubeInject.Go;
using KubeInject.GoTemplates;
using KubeInject.Rendering;

namespace KubeInject.Tests.Go;

/// <summary>
/// Go prints a zone's abbreviation for <c>MST</c> (time.Format): <c>UTC</c> for the UTC zones, and the zone
/// database's name (<c>CET</c>, <c>CEST</c>, <c>+04</c>) for others, which .NET gives only where it reads the zone
/// files' names itself (invariant globalization, the CLI's mode); otherwise the offset is printed.
/// </summary>
public sealed class ZoneAbbreviationTests
{
    private static readonly DateTimeOffset Winter = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2024, 7, 15, 12, 0, 0, TimeSpan.Zero);

    private static string Render(string template, DateTimeOffset now) =>
        GoTemplate.Compile("f", template).Render(null, new GoTemplateContext(GoTemplate.Builtins) { Now = now });

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Local")]
    [InlineData("")]
    public void The_utc_zones_print_utc(string zone) =>
        Assert.Equal("12:00 UTC +0000", Render("{{ dateInZone \"15:04 MST -0700\" now \"" + zone + "\" }}", Winter));

    // tzfile(5): an abbreviation is three to six ASCII letters, digits, '+' or '-'; a display name is not one.
    [Theory]
    [InlineData("CET", "CET")]
    [InlineData("+04", "+04")]
    [InlineData("-0330", "-0330")]
    [InlineData("Central European Standard Time", "")]
    [InlineData("GMT+01:00", "")]
    [InlineData("", "")]
    public void Only_zone_database_abbreviations_are_names(string name, string expected) =>
        Assert.Equal(expected, ZoneAbbreviation.FromNames(name));

    [Fact]
    public void A_named_zone_prints_its_abbreviation_where_dotnet_knows_it_else_its_offset()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        bool abbreviations = berlin.StandardName == "CET";
        Assert.Equal(abbreviations ? "13:00 CET +0100" : "13:00 +0100 +0100", Render("{{ dateInZone \"15:04 MST -0700\" now \"Europe/Berlin\" }}", Winter));
        Assert.Equal(abbreviations ? "14:00 CEST +0200" : "14:00 +0200 +0200", Render("{{ dateInZone \"15:04 MST -0700\" now \"Europe/Berlin\" }}", Summer));
    }
}

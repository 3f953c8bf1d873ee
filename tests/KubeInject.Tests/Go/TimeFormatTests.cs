using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class TimeFormatTests
{
    // time format_test.go: Date(2009, February, 4, 21, 0, 57, 12345600, PST).
    private static readonly TimeValue Reference = new(new DateTimeOffset(2009, 2, 4, 21, 0, 57, TimeSpan.FromHours(-8)).AddTicks(123_456), "PST");

    // format_test.go, formatTests.
    [Theory]
    [InlineData("Mon Jan _2 15:04:05 2006", "Wed Feb  4 21:00:57 2009")]                      // ANSIC
    [InlineData("Mon Jan _2 15:04:05 MST 2006", "Wed Feb  4 21:00:57 PST 2009")]              // UnixDate
    [InlineData("Mon Jan 02 15:04:05 -0700 2006", "Wed Feb 04 21:00:57 -0800 2009")]          // RubyDate
    [InlineData("02 Jan 06 15:04 MST", "04 Feb 09 21:00 PST")]                                // RFC822
    [InlineData("Monday, 02-Jan-06 15:04:05 MST", "Wednesday, 04-Feb-09 21:00:57 PST")]       // RFC850
    [InlineData("Mon, 02 Jan 2006 15:04:05 MST", "Wed, 04 Feb 2009 21:00:57 PST")]            // RFC1123
    [InlineData("Mon, 02 Jan 2006 15:04:05 -0700", "Wed, 04 Feb 2009 21:00:57 -0800")]        // RFC1123Z
    [InlineData("2006-01-02T15:04:05Z07:00", "2009-02-04T21:00:57-08:00")]                    // RFC3339
    [InlineData("2006-01-02T15:04:05.999999999Z07:00", "2009-02-04T21:00:57.0123456-08:00")]  // RFC3339Nano
    [InlineData("3:04PM", "9:00PM")]                                                          // Kitchen
    [InlineData("3pm", "9pm")]
    [InlineData("3PM", "9PM")]
    [InlineData("06 01 02", "09 02 04")]
    [InlineData("Hi Janet, the Month is January", "Hi Janet, the Month is February")]
    [InlineData("Jan _2 15:04:05", "Feb  4 21:00:57")]                                        // Stamp
    [InlineData("Jan _2 15:04:05.000", "Feb  4 21:00:57.012")]                                // StampMilli
    [InlineData("Jan _2 15:04:05.000000", "Feb  4 21:00:57.012345")]                          // StampMicro
    [InlineData("Jan _2 15:04:05.000000000", "Feb  4 21:00:57.012345600")]                    // StampNano
    [InlineData("2006-01-02 15:04:05", "2009-02-04 21:00:57")]                                // DateTime
    [InlineData("Jan  2 002 __2 2", "Feb  4 035  35 4")]
    [InlineData("2006 6 06 _6 __6 ___6", "2009 6 09 _6 __6 ___6")]
    [InlineData("Jan January 1 01 _1", "Feb February 2 02 _2")]
    [InlineData("2 02 _2 __2", "4 04  4  35")]
    [InlineData("Mon Monday", "Wed Wednesday")]
    [InlineData("15 3 03 _3", "21 9 09 _9")]
    [InlineData("4 04 _4", "0 00 _0")]
    [InlineData("5 05 _5", "57 57 _57")]
    public void Format_follows_gos_table(string layout, string expected) => Assert.Equal(expected, TimeFormat.Format(Reference, layout));

    [Fact]
    public void A_zone_without_an_abbreviation_prints_its_offset_and_utc_prints_z_in_iso_forms()
    {
        var plusOne = new TimeValue(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), "");
        Assert.Equal("2024-01-02 03:04:05 +0100 +0100", plusOne.ToString());
        Assert.Equal("2024-01-02T02:04:05Z", TimeFormat.Format(TimeValue.Utc(plusOne.Instant), "2006-01-02T15:04:05Z07:00"));
        Assert.Equal("0001-01-01 00:00:00 +0000 UTC", TimeValue.Zero.ToString());
    }

    // format_test.go, parseTests (a selection), read back as Unix seconds.
    [Theory]
    [InlineData("Mon Jan _2 15:04:05 2006", "Thu Feb  4 21:00:57 2010", 1265317257L)]
    [InlineData("Mon, 02 Jan 2006 15:04:05 -0700", "Thu, 04 Feb 2010 21:00:57 -0800", 1265346057L)]
    [InlineData("2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57-08:00", 1265346057L)]
    [InlineData("2006-01-02 15:04:05-07", "2010-02-04 21:00:57-08", 1265346057L)]
    [InlineData("2006-01-02T15:04:05Z07:00", "2010-02-05T05:00:57Z", 1265346057L)]
    [InlineData("2006-01-02T15:04:05Z07:00", "2010-02-05T05:00:57.5Z", 1265346057L)]         // a fraction the layout lacks
    [InlineData("02 Jan 06 15:04:05 MST", "13 Jun 19 20:39:39 GMT", 1560458379L)]             // sprig's TestUnixEpoch
    [InlineData("2006-01-02", "2017-12-31", 1514678400L)]
    public void Parse_reads_what_format_writes(string layout, string value, long unix) =>
        Assert.Equal(unix, TimeFormat.Parse(layout, value).UnixSeconds);

    // format_test.go, parseErrorTests and the range checks, with Go's messages.
    [Theory]
    [InlineData("2006-01-02", "x", "parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\"")]
    [InlineData("2006-01-02", "2017-13-01", "parsing time \"2017-13-01\": month out of range")]
    [InlineData("2006-01-02", "2017-02-30", "parsing time \"2017-02-30\": day out of range")]
    [InlineData("15:04", "25:00", "parsing time \"25:00\": hour out of range")]
    [InlineData("2006-01-02", "2017-12-31 x", "parsing time \"2017-12-31 x\": extra text: \" x\"")]
    public void Parse_errors_carry_gos_message(string layout, string value, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => TimeFormat.Parse(layout, value)).Message);
}

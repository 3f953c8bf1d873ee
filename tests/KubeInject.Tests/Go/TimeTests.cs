using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class TimeTests
{
    // time time_test.go, durationTests: Duration.String().
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_100L, "1.1µs")]
    [InlineData(2_200_000L, "2.2ms")]
    [InlineData(3_300_000_000L, "3.3s")]
    [InlineData(245_000_000_000L, "4m5s")]
    [InlineData(245_001_000_000L, "4m5.001s")]
    [InlineData(18_367_001_000_000L, "5h6m7.001s")]
    [InlineData(480_000_000_001L, "8m0.000000001s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    public void String_follows_gos_table(long nanos, string expected) => Assert.Equal(expected, Time.DurationString(nanos));

    // time time_test.go, parseDurationTests (a selection) and durationTests read back.
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("+5s", 5_000_000_000L)]
    [InlineData("-5s", -5_000_000_000L)]
    [InlineData("5.s", 5_000_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("100.00100s", 100_001_000_000L)]
    [InlineData("11us", 11_000L)]
    [InlineData("12µs", 12_000L)] // U+00B5
    [InlineData("12μs", 12_000L)] // U+03BC
    [InlineData("10.5s4m", 250_500_000_000L)]
    [InlineData("-2m3.4s", -123_400_000_000L)]
    [InlineData("1h2m3s4ms5us6ns", 3_723_004_005_006L)]
    [InlineData("0.3333333333333333333h", 1_200_000_000_000L)]
    [InlineData("9007199254740993ns", 9007199254740993L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("9223372036s854ms775us807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    [InlineData("-2562047h47m16.854775808s", long.MinValue)]
    [InlineData("0.100000000000000000000h", 360_000_000_000L)]
    public void ParseDuration_follows_gos_table(string text, long expected)
    {
        Assert.Equal(expected, Time.ParseDuration(text, out var error));
        Assert.Null(error);
    }

    // time time_test.go, parseDurationErrorTests (the quoted input each message contains; time quotes with its own
    // quote(), which writes non-ASCII as \x bytes), full messages as Go 1.19 prints them.
    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.", "time: invalid duration \"-.\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("+.s", "time: invalid duration \"+.s\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("\ufffd", "time: invalid duration \"\\xef\\xbf\\xbd\"")]
    [InlineData("5µ", "time: unknown unit \"\\xc2\\xb5\" in duration \"5\\xc2\\xb5\"")]
    [InlineData("9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"")]
    [InlineData("9223372036854776us", "time: invalid duration \"9223372036854776us\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    [InlineData("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"")]
    [InlineData("9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"")]
    public void ParseDuration_errors_read_like_gos(string text, string expected)
    {
        Assert.Null(Time.ParseDuration(text, out var error));
        Assert.Equal(expected, error);
    }
}

using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class GoDurationTests
{
    [Theory]
    [InlineData("45s", 45_000_000_000L, "45s", "45s")]
    [InlineData("1.5s", 1_500_000_000L, "1.5s", "1.500s")]
    [InlineData("1m30s", 90_000_000_000L, "1m30s", "90s")]
    [InlineData("500ms", 500_000_000L, "500ms", "0.500s")]
    [InlineData("1h", 3_600_000_000_000L, "1h0m0s", "3600s")]
    [InlineData("0", 0L, "0s", "0s")]
    [InlineData("1.000000001s", 1_000_000_001L, "1.000000001s", "1.000000001s")]
    [InlineData("1.0001s", 1_000_100_000L, "1.0001s", "1.000100s")]
    public void Parses_and_prints_like_go_and_jsonpb(string text, long nanos, string goText, string protoText)
    {
        Assert.Equal(nanos, GoDuration.TryParse(text, out var error));
        Assert.Null(error);
        Assert.Equal(goText, GoDuration.Format(nanos));
        Assert.Equal(protoText, GoDuration.FormatProtoJson(nanos));
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("abc", "time: invalid duration \"abc\"")]
    [InlineData("10", "time: missing unit in duration \"10\"")]
    [InlineData("5x", "time: unknown unit \"x\" in duration \"5x\"")]
    public void Errors_use_gos_wording(string text, string expected)
    {
        Assert.Null(GoDuration.TryParse(text, out var error));
        Assert.Equal(expected, error);
    }
}

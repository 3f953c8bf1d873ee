using KubeInject.Go.Protojson;

namespace KubeInject.Tests.Go.Protojson;

public class ProtoDurationTests
{
    // google/protobuf/duration.proto, JSON mapping: "encoded as a string … suffixed with 's'", "with 0, 3, 6 or 9
    // fractional digits" (jsonpb writes "1.500s", not "1.5s").
    [Theory]
    [InlineData(45_000_000_000L, "45s")]
    [InlineData(1_500_000_000L, "1.500s")]
    [InlineData(90_000_000_000L, "90s")]
    [InlineData(500_000_000L, "0.500s")]
    [InlineData(0L, "0s")]
    [InlineData(1_000_000_001L, "1.000000001s")]
    [InlineData(1_000_100_000L, "1.000100s")]
    [InlineData(-1_500_000_000L, "-1.500s")]
    public void Format_uses_0_3_6_or_9_fraction_digits(long nanos, string expected)
    {
        Assert.Equal(expected, ProtoDuration.Format(nanos));
        Assert.Equal(nanos, ProtoDuration.Parse(expected));
    }
}

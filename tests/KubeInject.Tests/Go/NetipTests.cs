using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class NetipTests
{
    // net/netip netip_test.go, TestParsePrefixError (each message contains the table's substring). Go 1.22 checks the
    // bits' first digit before Atoi, so "/-1" is "bad bits after slash" there (Go 1.19: "prefix length out of range").
    [Theory]
    [InlineData("192.168.0.0", "no '/'")]
    [InlineData("1.257.1.1/24", "value >255")]
    [InlineData("1.1.1.0/q", "bad bits")]
    [InlineData("1.1.1.0/-1", "bad bits after slash: \"-1\"")]
    [InlineData("1.1.1.0/33", "out of range")]
    [InlineData("2001::/129", "out of range")]
    [InlineData("1.1.1.0%a/24", "unexpected character")]
    [InlineData("2001:db8::%a/32", "zones cannot be present")]
    public void ParsePrefix_errors_follow_gos_table(string prefix, string part)
    {
        var error = Netip.ParsePrefixError(prefix);
        Assert.NotNull(error);
        Assert.StartsWith($"netip.ParsePrefix(\"{prefix}\"): ", error);
        Assert.Contains(part, error);
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("::1/128")]
    [InlineData("0.0.0.0/0")]
    public void Valid_prefixes_parse(string prefix) => Assert.Null(Netip.ParsePrefixError(prefix));
}

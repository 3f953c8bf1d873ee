namespace KubeInject.Tests.Settings;

public class GoJsonFloatTests
{
    [Theory]
    [InlineData(100.0, "100")]
    [InlineData(0.5, "0.5")]
    [InlineData(1000000.0, "1000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(123456789.125, "123456789.125")]
    public void Floats_print_like_encoding_json(double value, string expected)
    {
        Assert.Equal(expected, KubeInject.Settings.GoText.JsonFloat(value));
    }
}

using KubeInject.Go.Protojson;

namespace KubeInject.Tests.Go.Protojson;

public class ProtoJsonWriterTests
{
    // Protocol Buffers' JSON mapping (proto3 "JSON Mapping" table): "float, double: JSON value will be a number or one
    // of the special string values "NaN", "Infinity", and "-Infinity"". Numbers are Go's encoding/json form.
    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(0.01, "0.01")]
    [InlineData(1e21, "1e+21")]
    public void Doubles_are_numbers_or_the_special_strings(double value, string expected) =>
        Assert.Equal(expected, ProtoJsonWriter.Double(value));
}

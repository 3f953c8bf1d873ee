using KubeInject.Merging;

namespace KubeInject.Tests.PostProcessing;

public class GoJsonTests
{
    [Theory]
    [InlineData("a<b>&c", "\"a\\u003cb\\u003e\\u0026c\"")]
    [InlineData("q\"\\\n\t", "\"q\\\"\\\\\\n\\t\"")]
    [InlineData("\u2028é\u0001", "\"\\u2028é\\u0001\"")]
    public void Strings_are_escaped_like_go_encoding_json(string input, string expected) =>
        Assert.Equal(expected, GoJson.Quote(input));
}

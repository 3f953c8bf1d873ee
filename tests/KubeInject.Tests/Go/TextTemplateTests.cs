using KubeInject.Go;

namespace KubeInject.Tests.Go;

public class TextTemplateTests
{
    // text/template's documentation (IsTrue): "The empty values are false, 0, any nil pointer or interface value, and
    // any array, slice, map, or string of length zero."
    public static TheoryData<object?, bool> Values => new()
    {
        { null, false }, { false, false }, { 0L, false }, { 0.0, false }, { "", false },
        { new List<object?>(), false }, { new Dictionary<string, object?>(), false },
        { true, true }, { -1L, true }, { 0.5, true }, { "0", true },
        { new List<object?> { null }, true }, { new Dictionary<string, object?> { ["a"] = null }, true },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Empty_values_are_false(object? value, bool expected) => Assert.Equal(expected, TextTemplate.IsTrue(value));
}

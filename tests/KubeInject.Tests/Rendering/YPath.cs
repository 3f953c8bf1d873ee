using KubeInject.Yaml;

namespace KubeInject.Tests.Rendering;

/// <summary>Navigation helpers for assertions on parsed rendered YAML.</summary>
internal static class YPath
{
    /// <summary>The node at a path of keys (string) and indices (int), or null.</summary>
    public static YNode? At(this YNode? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (YMapping m, string key) => m[key],
                (YSequence s, int i) when i < s.Count => s[i],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>The text of the scalar at a path.</summary>
    public static string? Text(this YNode? node, params object[] path) => (node.At(path) as YScalar)?.Value;

    /// <summary>The scalar at a path (for type assertions).</summary>
    public static YScalar Scalar(this YNode? node, params object[] path) => Assert.IsType<YScalar>(node.At(path));

    /// <summary>The texts of a sequence of scalars.</summary>
    public static List<string> Strings(this YNode? node, params object[] path) =>
        ((YSequence)node.At(path)!).Items.Select(i => ((YScalar)i).Value).ToList();

    /// <summary>The item of a sequence whose <c>name</c> is <paramref name="name"/>.</summary>
    public static YMapping? Named(this YNode? node, string name) =>
        (node as YSequence)?.Items.OfType<YMapping>().FirstOrDefault(m => m.Text("name") == name);

    /// <summary>The value of env var <paramref name="name"/> in a container.</summary>
    public static string? Env(this YNode? container, string name) => container.At("env").Named(name).Text("value");
}

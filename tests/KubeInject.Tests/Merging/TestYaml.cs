using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Merging;

/// <summary>Parses inline YAML for table-style tests.</summary>
internal static class TestYaml
{
    public static YMapping Map(string yaml) => (YMapping)ManifestReader.Read(yaml, "test.yaml").First().Root!;

    public static YNode At(YNode node, params object[] path)
    {
        foreach (var step in path)
            node = step is int i ? ((YSequence)node)[i] : ((YMapping)node)[(string)step]!;
        return node;
    }

    public static string Text(YNode node, params object[] path) => At(node, path).ToString();

    public static string Names(YNode node, params object[] path) =>
        string.Join(",", ((YSequence)At(node, path)).Items.Select(i => ((YScalar)((YMapping)i)["name"]!).Value));
}

using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Rendering;

/// <summary>Every stock template renders valid YAML with every settings set of the 1.23.0 conformance corpus.</summary>
public class CorpusSettingsTests
{
    private const string Settings = "/work/shared/conformance/istio-1.23.0/settings";

    [Fact]
    public void Every_stock_template_renders_parseable_yaml_with_every_corpus_values_file()
    {
        if (!Directory.Exists(Settings)) Assert.Skip($"{Settings} is not available");
        foreach (var dir in Directory.GetDirectories(Settings).Order(StringComparer.Ordinal))
        {
            var values = File.ReadAllText(Path.Combine(dir, "values.yaml"));
            foreach (var template in new[] { "sidecar", "gateway", "grpc-agent", "grpc-simple" })
            {
                var text = RenderFixture.RenderText(RenderFixture.Data(values: values), template);
                var root = ManifestReader.Read(text, $"{Path.GetFileName(dir)}/{template}").First().Root;
                Assert.True(root is YMapping { Count: 2 }, $"{Path.GetFileName(dir)}/{template} rendered {text}");
            }
        }
    }
}

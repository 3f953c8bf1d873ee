using KubeInject.GoTemplates;
using KubeInject.Rendering;

namespace KubeInject.Tests.Rendering;

/// <summary>An in-memory template source, and a helper that renders a one-off Go template against the fixture data.</summary>
internal sealed class InlineTemplates(Dictionary<string, string> templates) : ITemplateSource
{
    public int Loads { get; private set; }

    public string? Load(string versionFolder, string name)
    {
        Loads++;
        return templates.GetValueOrDefault(name);
    }

    public IReadOnlyList<string> Names(string versionFolder) => templates.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Renders the Go template <paramref name="template"/> with the hello fixture (or <paramref name="data"/>).</summary>
    public static string Render(string template, TemplateData? data = null) =>
        IstioTemplateData.Render(GoTemplate.Compile("t", template), data ?? RenderFixture.Data());
}

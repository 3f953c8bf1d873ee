using KubeInject.Rendering;

namespace KubeInject.Tests.Rendering;

/// <summary>An in-memory template source, and a helper that renders a one-off template against the fixture data.</summary>
internal sealed class InlineTemplates(Dictionary<string, string> templates) : ITemplateSource
{
    public int Loads { get; private set; }

    public string? Load(string versionFolder, string name)
    {
        Loads++;
        return templates.GetValueOrDefault(name);
    }

    public IReadOnlyList<string> Names(string versionFolder) => templates.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Renders <paramref name="template"/> with the hello fixture (or <paramref name="data"/>).</summary>
    public static string Render(string template, TemplateData? data = null) =>
        new TemplateRenderer().Render(new InlineTemplates(new() { ["t"] = template }), "istio-1.23", "t", data ?? RenderFixture.Data());
}

using System.Text;
using KubeInject.GoTemplates;
using KubeInject.Settings;

namespace KubeInject;

/// <summary>Shows how KubeInject runs a Go template: its translation to Scriban (<c>kube-inject templates convert</c>).</summary>
public static class GoTemplateConversion
{
    /// <summary>
    /// The Scriban translation of the Go templates in <paramref name="text"/>: an injector config
    /// (<c>data.config</c> of <c>istio-sidecar-injector</c>) gives every template of its <c>templates</c> map, each
    /// after a <c>{{ # template "name" }}</c> line; any other text is one template.
    /// </summary>
    /// <exception cref="Diagnostics.KubeInjectException">A template does not parse or calls an unknown function (the message names template, line and function).</exception>
    public static string ToScriban(string text, string fileName)
    {
        var templates = InjectorConfigFile.ReadTemplates(text);
        var sb = new StringBuilder();
        foreach (var (name, goText) in templates)
        {
            if (templates.Count > 1) sb.Append("{{ # template \"").Append(name).Append("\" }}\n");
            sb.Append(GoTemplate.Convert(templates.Count > 1 ? name : fileName, goText));
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        }
        return sb.ToString();
    }
}

using System.Text;
using KubeInject.Reading;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// Test normalisation: a probe's named port (<c>port: http</c>) replaced by the number it names in the same
/// container, as Istio records it in <c>ISTIO_KUBE_APP_PROBERS</c> (so uninjection gives the number back).
/// </summary>
internal static class NamedProbePorts
{
    private static readonly string[] Probes = ["readinessProbe", "livenessProbe", "startupProbe"];

    public static string Resolve(string text, string fileName) => EditTrees(text, fileName, Walk);

    /// <summary>Applies <paramref name="edit"/> to every document's tree and writes the documents back.</summary>
    public static string EditTrees(string text, string fileName, Action<YNode> edit)
    {
        var output = new StringWriter(new StringBuilder());
        foreach (var document in ManifestReader.Read(text, fileName))
        {
            if (document.Root is { } root) edit(root);
            DocumentWriter.Write(document, output);
        }
        return output.ToString();
    }

    private static void Walk(YNode node)
    {
        if (node is YSequence s) foreach (var i in s.Items) Walk(i);
        if (node is not YMapping m) return;
        if (m["ports"] is YSequence ports) ResolveIn(m, ports);
        foreach (var e in m.Entries) Walk(e.Value);
    }

    private static void ResolveIn(YMapping container, YSequence ports)
    {
        var named = ports.Items.OfType<YMapping>()
            .Where(p => p["name"] is YScalar && p["containerPort"] is YScalar { Kind: ScalarKind.Int })
            .GroupBy(p => ((YScalar)p["name"]!).Value).ToDictionary(g => g.Key, g => (YScalar)g.First()["containerPort"]!);
        foreach (var probe in Probes)
        {
            if (container[probe] is not YMapping p) continue;
            foreach (var handler in new[] { "httpGet", "tcpSocket" })
                if (p[handler] is YMapping h && h["port"] is YScalar { Kind: ScalarKind.String } port && named.TryGetValue(port.Value, out var number))
                    h.Set("port", new YScalar(number.Value));
        }
    }
}

using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// Test normalisation: with native sidecars Istio moves a user's <c>istio-proxy</c> customisation from
/// <c>containers</c> to <c>initContainers</c> before merging, and <c>proxy.istio.io/overrides</c> records it there,
/// so uninjection gives it back as an init container (appended; <c>containers</c> dropped when it empties).
/// </summary>
internal static class NativeProxyRelocation
{
    public static string Apply(string text, string fileName) => NamedProbePorts.EditTrees(text, fileName, Walk);

    private static void Walk(YNode node)
    {
        if (node is YSequence s) foreach (var i in s.Items) Walk(i);
        if (node is not YMapping m) return;
        if (m["containers"] is YSequence containers && containers.Items.OfType<YMapping>().FirstOrDefault(IsProxy) is { } proxy)
        {
            containers.RemoveAt(containers.Items.ToList().IndexOf(proxy));
            if (containers.Count == 0) m.Remove("containers");
            if (m["initContainers"] is YSequence init) init.Add(proxy);
            else m.Set("initContainers", new YSequence([proxy]));
        }
        foreach (var e in m.Entries.ToList()) Walk(e.Value);
    }

    /// <summary>True when some pod of <paramref name="text"/> has <c>istio-proxy</c> among its init containers (a native sidecar).</summary>
    public static bool HasNativeSidecar(string text, string fileName) =>
        ManifestReader.Read(text, fileName).Any(d => d.Root is { } root && HasNative(root));

    private static bool HasNative(YNode node) => node switch
    {
        YSequence s => s.Items.Any(HasNative),
        YMapping m => (m["initContainers"] is YSequence init && init.Items.OfType<YMapping>().Any(IsProxy)) || m.Entries.Any(e => HasNative(e.Value)),
        _ => false,
    };

    private static bool IsProxy(YMapping container) => container["name"] is YScalar { Value: "istio-proxy" };
}

using System.Globalization;
using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's <c>applyRewrite</c> (spec §6): with mutual TLS the kubelet cannot reach the app's probes, so they are
/// pointed at the agent's status port (<c>/app-health/&lt;c&gt;/readyz</c>...) and the originals are handed to the
/// agent in <c>ISTIO_KUBE_APP_PROBERS</c>. Probes are edited in place: only <c>path</c>, <c>port</c> and
/// <c>scheme</c> change, other fields keep their nodes.
/// </summary>
internal static class ProbeRewriter
{
    private const string RewriteAnnotation = "sidecar.istio.io/rewriteAppHTTPProbers";
    private const string StatusPortAnnotation = "status.sidecar.istio.io/port";
    private const string EnvName = "ISTIO_KUBE_APP_PROBERS";

    /// <summary>Rewrites the merged pod's probes and sets the sidecar's prober env.</summary>
    public static void Apply(YMapping pod, InjectionContext context, PostProcessOptions options)
    {
        if (PodTree.FindSidecar(pod) is not { } sidecar) return;
        bool rewrite = Strconv.ParseBool(PodTree.Annotation(pod, RewriteAnnotation)) ?? context.RewriteAppHttpProbe;
        if (!rewrite) return;

        var probers = AppProbers.Collect(pod, context.StatusPort, options);
        if (probers.Count > 0) SetProberEnv(pod, sidecar, probers, options);

        int statusPort = PodTree.Annotation(pod, StatusPortAnnotation) is { } a ? GoAtoi(a) : context.StatusPort;
        foreach (var field in new[] { "containers", "initContainers" })
        {
            if (PodTree.List(pod, field) is not { } list) continue;
            foreach (var c in list.Items.OfType<YMapping>())
            {
                string name = PodTree.NameOf(c) ?? "";
                if (name == PodTree.ProxyName) continue;
                foreach (var (probeField, suffix) in AppProbers.Probes)
                    if (c[probeField] is YMapping probe) RewriteHandler(probe, AppProbers.ProbeUrl(name, suffix), statusPort, allowGrpc: true);
                if (options.RewriteLifecycleHooks && c["lifecycle"] is YMapping lifecycle)
                    foreach (var (hookField, suffix) in AppProbers.Hooks)
                        if (lifecycle[hookField] is YMapping hook) RewriteHandler(hook, AppProbers.HookUrl(name, suffix), statusPort, allowGrpc: false);
            }
        }
    }

    private static void SetProberEnv(YMapping pod, YMapping sidecar, IReadOnlyDictionary<string, AppProber?> probers, PostProcessOptions options)
    {
        var env = PodTree.EnsureEnv(sidecar);
        bool previouslyInjected = PodTree.Annotation(pod, InjectionStatus.AnnotationKey) is not null;
        if (!previouslyInjected)
        {
            env.Add(PodTree.EnvVar(EnvName, AppProbers.ToJson(probers)));
            return;
        }
        var existing = env.Items.OfType<YMapping>().FirstOrDefault(e => PodTree.StringValue(e, "name") == EnvName);
        if (existing is null)
        {
            if (options.AddProbersToInjectedPods) env.Add(PodTree.EnvVar(EnvName, AppProbers.ToJson(probers)));
            return;
        }
        if (AppProbers.MergeWithExisting(PodTree.StringValue(existing, "value") ?? "", probers) is { } merged)
            PodTree.SetString(existing, "value", merged);
    }

    private static void RewriteHandler(YMapping probe, string url, int statusPort, bool allowGrpc)
    {
        if (probe["httpGet"] is YMapping http)
        {
            if (!http.ContainsKey("path")) http.Insert(Math.Max(0, http.IndexOf("port")), "path", YScalar.String(url));
            else PodTree.SetString(http, "path", url);
            PodTree.SetInt(http, "port", statusPort);
            // The agent calls the app over HTTPS itself; the kubelet talks plain HTTP to the agent.
            if (PodTree.StringValue(http, "scheme") == "HTTPS") http.Set("scheme", YScalar.String("HTTP"));
            return;
        }
        foreach (var handler in allowGrpc ? new[] { "tcpSocket", "grpc" } : ["tcpSocket"])
        {
            if (probe[handler] is not YMapping) continue;
            var replacement = new YMapping();
            replacement.Set("path", YScalar.String(url));
            replacement.Set("port", YScalar.Int(statusPort));
            int at = probe.IndexOf(handler);
            probe.Remove(handler);
            probe.Insert(at, "httpGet", replacement);
            return;
        }
    }

    /// <summary>Go's <c>strconv.Atoi</c>; Istio uses the 0 it returns on failure.</summary>
    private static int GoAtoi(string s) =>
        s.Length > 0 && (char.IsAsciiDigit(s[0]) || ((s[0] is '+' or '-') && s.Length > 1 && s[1..].All(char.IsAsciiDigit))) && s.All(c => char.IsAsciiDigit(c) || c is '+' or '-')
        && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
}

using System.Globalization;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Istio's <c>adjustInitContainerUser</c>: when the user's own <c>istio-proxy</c> sets <c>runAsUser</c>/<c>runAsGroup</c>,
/// the iptables <c>-u</c> argument and the validation container must follow it, or traffic capture breaks.
/// </summary>
internal static class InitContainerUser
{
    /// <summary>Adjusts <paramref name="result"/> from the user's sidecar in <paramref name="original"/>.</summary>
    public static void Adjust(YMapping result, YMapping original, InjectionContext context)
    {
        var userSecurity = PodTree.FindSidecar(original)?["securityContext"] as YMapping;
        var runAsUser = PodTree.IsNull(userSecurity?["runAsUser"]) ? null : userSecurity!["runAsUser"];
        var runAsGroup = PodTree.IsNull(userSecurity?["runAsGroup"]) ? null : userSecurity!["runAsGroup"];
        if (runAsUser is null && runAsGroup is null) return;

        var inits = PodTree.List(result, "initContainers");
        var init = PodTree.Find(inits, "istio-init") ?? PodTree.Find(inits, "istio-validation");
        if (init is null) return;

        bool tproxy = context.InterceptionMode == "TPROXY"
            || PodTree.Annotation(result, "sidecar.istio.io/interceptionMode") == "TPROXY";

        // TPROXY needs the proxy to run as root whatever the user asked for.
        if (tproxy && runAsUser is not null && PodTree.FindSidecar(result) is { } sidecar)
            PodTree.SetInt(sidecar.GetOrAddMapping("securityContext"), "runAsUser", 0);

        if (!tproxy && PodTree.NameOf(init) == "istio-validation")
        {
            var sc = init.GetOrAddMapping("securityContext");
            if (runAsUser is not null && !runAsUser.SemanticEquals(sc["runAsUser"])) sc.Set("runAsUser", runAsUser.DeepClone());
            if (runAsGroup is not null && !runAsGroup.SemanticEquals(sc["runAsGroup"])) sc.Set("runAsGroup", runAsGroup.DeepClone());
        }

        // iptables' --uid-owner must not be 0, so a root user keeps the template's -u.
        if ((runAsUser as YScalar)?.ToValue() is not long uid || uid == 0) return;
        if (init["args"] is not YSequence args) return;
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if ((args[i] as YScalar)?.AsGoString() != "-u") continue;
            string text = uid.ToString(CultureInfo.InvariantCulture);
            if ((args[i + 1] as YScalar)?.AsGoString() != text || args[i + 1] is YScalar { Kind: not ScalarKind.String })
                args.Replace(i + 1, YScalar.String(text));
            return;
        }
    }
}

using KubeInject.Yaml;

namespace KubeInject.GoTemplates;

/// <summary>
/// What Istio's typed round trip (the rendered template decoded into a <c>corev1.Pod</c> and encoded again) does to
/// the fields of a rendered template that the comparison still sees: an env var's empty <c>value</c> disappears
/// (<c>omitempty</c>), and with Kubernetes libraries before 0.31 a <c>resourceFieldRef</c> gains its zero
/// <c>divisor: "0"</c> (a Quantity struct is never omitted). Applied to what a Go template renders, not to the user's pod.
/// </summary>
internal static class RenderedPatchTyping
{
    private static readonly string[] ContainerLists = ["containers", "initContainers"];

    /// <summary>Types <paramref name="patch"/> in place; <paramref name="zeroDivisor"/> is the version's Kubernetes-library behaviour.</summary>
    public static void Apply(YMapping patch, bool zeroDivisor)
    {
        if (patch["spec"] is not YMapping spec) return;
        foreach (var list in ContainerLists)
        {
            if (spec[list] is not YSequence containers) continue;
            foreach (var container in containers.Items.OfType<YMapping>())
            {
                if (container["env"] is not YSequence env) continue;
                foreach (var item in env.Items.OfType<YMapping>())
                {
                    if (item["value"] is YScalar { Kind: ScalarKind.String, Value.Length: 0 } or YScalar { Kind: ScalarKind.Null })
                        item.Remove("value");
                    if (zeroDivisor && item["valueFrom"] is YMapping from && from["resourceFieldRef"] is YMapping fieldRef && !fieldRef.ContainsKey("divisor"))
                        fieldRef.Set("divisor", new YScalar("0", ScalarStyle.DoubleQuoted));
                }
            }
        }
    }
}

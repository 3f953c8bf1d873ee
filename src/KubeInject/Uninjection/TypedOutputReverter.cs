using KubeInject.PostProcessing;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Takes back the fields <see cref="GoTypedOutput"/> adds to an injected workload (Go's non-omitempty zero values such
/// as <c>status.replicas: 0</c> or a StatefulSet's <c>spec.serviceName: ""</c>) when they still hold the zero value,
/// and a <c>status</c> mapping left empty. The zero values it dropped (<c>initialDelaySeconds: 0</c>…) cannot come
/// back; they mean the same to Kubernetes.
/// </summary>
internal static class TypedOutputReverter
{
    /// <summary>Removes the zero-valued required fields of <paramref name="kind"/> from <paramref name="root"/>.</summary>
    public static void Revert(YMapping root, string kind)
    {
        foreach (var (path, field, zero) in GoTypedOutput.RequiredFields(kind))
        {
            YMapping? target = root;
            foreach (var key in path) target = target?[key] as YMapping;
            if (target?[field] is { } value && value.SemanticEquals(zero)) target.Remove(field);
            if (path is ["status"] && root["status"] is YMapping { Count: 0 }) root.Remove("status");
        }
    }
}

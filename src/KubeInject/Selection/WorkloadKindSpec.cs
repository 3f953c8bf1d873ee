using KubeInject.Diagnostics;

namespace KubeInject.Selection;

/// <summary>
/// A workload kind declared by the user (<c>workloads:</c> in <c>.kube-inject.yaml</c>, the KRM function config, or
/// <see cref="InjectionOptions.Workloads"/>): the API group and kind of a custom resource, and the dotted path from
/// the object to its pod template (the mapping that holds the pod's <c>metadata</c> and <c>spec</c>).
/// </summary>
/// <param name="Group">The API group (<c>example.com</c>; empty for the core group).</param>
/// <param name="Kind">The kind (<c>Widget</c>).</param>
/// <param name="PodTemplate">Dotted path to the pod template, such as <c>spec.template</c> or <c>spec.runner.template</c>.</param>
public sealed record WorkloadKindSpec(string Group, string Kind, string PodTemplate)
{
    /// <summary>Checks the entry, naming <paramref name="location"/> in the error.</summary>
    /// <exception cref="KubeInjectException">An empty kind, or a path with empty segments (kind <see cref="ErrorKind.Usage"/>).</exception>
    public void Validate(SourceLocation? location = null) => ToKind(location);

    /// <summary>The entry as a table row, after checking it.</summary>
    /// <exception cref="KubeInjectException">An empty kind, or a path with empty segments (kind <see cref="ErrorKind.Usage"/>).</exception>
    internal WorkloadKind ToKind(SourceLocation? location = null)
    {
        if (string.IsNullOrWhiteSpace(Kind))
            throw new KubeInjectException("a workloads entry needs a kind", location, ErrorKind.Usage);
        var path = PodTemplate.Length == 0 ? [] : PodTemplate.Split('.');
        if (path.Any(p => p.Length == 0))
            throw new KubeInjectException($"workloads entry {Kind}: podTemplate \"{PodTemplate}\" must be a dotted path such as spec.template", location, ErrorKind.Usage);
        return new WorkloadKind(Kind, [.. path, "metadata"], [.. path, "spec"]) { Group = Group };
    }
}

using KubeInject.Diagnostics;
using KubeInject.Yaml;

namespace KubeInject.Selection;

/// <summary>
/// A view over one injectable object in a document (a top-level workload or a <c>List</c> item): its
/// identity, and the pod metadata/spec mappings that injection edits in place.
/// </summary>
internal sealed class Workload
{
    internal Workload(WorkloadKind kind, YMapping root, string apiVersion, string name, string @namespace, SourceLocation location)
    {
        KindInfo = kind;
        Root = root;
        ApiVersion = apiVersion;
        Name = name;
        Namespace = @namespace;
        Location = location;
    }

    internal WorkloadKind KindInfo { get; }

    /// <summary>The object's mapping (the document root, or a List item).</summary>
    public YMapping Root { get; }

    /// <summary><c>kind</c>.</summary>
    public string Kind => KindInfo.Kind;

    /// <summary><c>apiVersion</c> as written.</summary>
    public string ApiVersion { get; }

    /// <summary><c>metadata.name</c> (may be empty).</summary>
    public string Name { get; }

    /// <summary><c>metadata.namespace</c> (may be empty).</summary>
    public string Namespace { get; }

    /// <summary>Where the object starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The pod (template) metadata, or null when the manifest has none yet.</summary>
    public YMapping? PodMetadata => Navigate(KindInfo.MetadataPath) as YMapping;

    /// <summary>The pod spec, or null when missing.</summary>
    public YMapping? PodSpec => Navigate(KindInfo.SpecPath) as YMapping;

    /// <summary>The mapping holding the pod metadata (the pod template, or the object for a Pod / the jobTemplate for a CronJob).</summary>
    internal YMapping? MetadataParent => Navigate(KindInfo.MetadataPath[..^1]) as YMapping;

    /// <summary><c>Kind namespace/name</c> for reports.</summary>
    public string DisplayName => $"{Kind} {(Namespace.Length > 0 ? Namespace + "/" : "")}{Name}";

    /// <summary>The pod metadata, created (as the first key of its parent) when absent.</summary>
    internal YMapping EnsurePodMetadata()
    {
        if (PodMetadata is { } m) return m;
        var parent = MetadataParent ?? throw new KubeInjectException("spec.template is required value", Location);
        var created = new YMapping();
        if (parent.ContainsKey("metadata")) parent.Set("metadata", created);
        else parent.Insert(0, "metadata", created);
        return created;
    }

    private YNode? Navigate(string[] path)
    {
        YNode? node = Root;
        foreach (var key in path)
        {
            if (node is not YMapping m) return null;
            node = m[key];
        }
        return node;
    }
}

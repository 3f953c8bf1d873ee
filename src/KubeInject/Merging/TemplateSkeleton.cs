using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// The part of a rendered template that decides which names the template pod holds: the items of
/// <c>spec.containers</c>, <c>initContainers</c>, <c>volumes</c> and <c>imagePullSecrets</c> reduced to their
/// <c>name</c> and <c>$patch</c>, with the <c>$</c> directives of the root and the spec. The template pod (all
/// templates merged onto an empty pod) is read only for those names, so merging skeletons gives the same
/// template pod names as merging whole templates, without copying every node of every template.
/// </summary>
internal static class TemplateSkeleton
{
    private static readonly string[] NamedLists = ["containers", "initContainers", "volumes", "imagePullSecrets"];

    /// <summary>The skeleton of <paramref name="template"/> (a new tree; the template is not modified).</summary>
    public static YMapping Of(YMapping template)
    {
        var skeleton = Directives(template);
        if (template.ContainsKey("spec"))
        {
            if (template["spec"] is not YMapping spec) skeleton.Set("spec", template["spec"]!.DeepClone());
            else
            {
                var specSkeleton = Directives(spec);
                foreach (var list in NamedLists)
                    if (spec.ContainsKey(list)) specSkeleton.Set(list, ListSkeleton(spec[list]!));
                skeleton.Set("spec", specSkeleton);
            }
        }
        return skeleton;
    }

    private static YMapping Directives(YMapping m)
    {
        var copy = new YMapping();
        foreach (var e in m.Entries)
            if (e.Name.StartsWith('$')) copy.Set(e.Name, e.Value.DeepClone());
        return copy;
    }

    // Items keep their name and $patch; an item without a usable name is kept whole, so that the merge
    // reports it exactly as it would report the full template.
    private static YNode ListSkeleton(YNode list)
    {
        if (list is not YSequence items) return list.DeepClone();
        var result = new YSequence();
        foreach (var item in items.Items)
        {
            if (item is YMapping m && m["name"] is YScalar name && !PodTree.IsNull(name))
            {
                var reduced = new YMapping();
                reduced.Set("name", name.DeepClone());
                if (m["$patch"] is { } patch) reduced.Set("$patch", patch.DeepClone());
                result.Add(reduced);
            }
            else result.Add(item.DeepClone());
        }
        return result;
    }
}

using KubeInject.Diagnostics;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Istio parses a rendered template without type coercion and decodes the merged pod into Go types (spec §5.1): a
/// container name the template renders as a number or boolean (<c>name: {{ $container.Name }}</c> for a container
/// named <c>"8080"</c>) matches no container and fails that decode. Merged as it is, it would add a second container
/// under the same name; refused with Istio's error instead.
/// </summary>
internal static class RenderedContainerNames
{
    private static readonly string[] Lists = ["containers", "initContainers"];

    /// <summary>Throws when a container of <paramref name="template"/> has a name that is not a string.</summary>
    public static void ThrowIfNotStrings(YMapping template)
    {
        if (template["spec"] is not YMapping spec) return;
        foreach (var list in Lists)
        {
            if (spec[list] is not YSequence items) continue;
            foreach (var item in items.Items)
            {
                if (item is not YMapping { } container || container["name"] is not YScalar { Kind: ScalarKind.Int or ScalarKind.Float or ScalarKind.Bool } name)
                    continue;
                string type = name.Kind == ScalarKind.Bool ? "bool" : "number";
                throw new KubeInjectException(
                    $"unmarshal patched pod: json: cannot unmarshal {type} into Go struct field Container.spec.{list}.name of type string (the template renders the name {name.Value} unquoted)");
            }
        }
    }
}

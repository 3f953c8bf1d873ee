using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// The corpus' deep-merge of <c>meshOverrides</c> into mesh.yaml (README "Deep-merge rule", compare.py deep_merge):
/// mappings merge key by key; anything else, or a mapping where the base has no mapping, replaces.
/// </summary>
internal static class MeshMerge
{
    public static string Merge(string meshText, string meshName, YMapping overrides)
    {
        var root = ManifestReader.Read(meshText, meshName).Select(d => d.Root).FirstOrDefault(r => r is not null);
        var merged = root as YMapping ?? new YMapping(); // compare.py: safe_load(...) or {}
        DeepMerge(merged, overrides);
        return YamlEmitter.Emit(merged);
    }

    public static void DeepMerge(YMapping target, YMapping overrides)
    {
        foreach (var e in overrides.Entries)
        {
            if (e.Value is YMapping m && target[e.Name] is YMapping existing) DeepMerge(existing, m);
            else target.Set(e.Name, e.Value.DeepClone());
        }
    }
}

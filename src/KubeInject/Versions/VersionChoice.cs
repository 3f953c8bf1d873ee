using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Versions;

/// <summary>Which version's templates, defaults and Go-code behaviour an injector uses.</summary>
internal static class VersionChoice
{
    // An explicit version wins. Without one, values whose global.tag names a bundled version (as an installed
    // cluster's injector configmap does) pick that version: its templates must match the values' shape.
    public static IstioVersionProfile Choose(IstioVersions versions, InjectionOptions options, YMapping? values, ICollection<string> warnings)
    {
        if (!string.IsNullOrWhiteSpace(options.IstioVersion) || values is null)
        {
            var asked = options.IstioVersion?.Trim().TrimStart('v', 'V');
            // A version we do not bundle works with that cluster's own three files: only the Go-code behaviour
            // comes from us, from the newest bundled profile at or below it.
            if (versions.FindExact(asked) is null && IstioVersions.Numbers(options.IstioVersion) is not null
                && values is not null && options.MeshConfigText is not null && options.InjectorConfigText is not null
                && !versions.IsMinorOnly(options.IstioVersion!) && versions.FallbackFor(options.IstioVersion) is { } basis)
            {
                warnings.Add($"Istio {asked} is not bundled: its templates, values and mesh config come from the given files, and the injector's Go-code behaviour follows Istio {basis.Version}, the newest bundled version at or below it");
                return basis with { Version = asked! };
            }
            return versions.Resolve(options.IstioVersion);
        }
        var tag = Text(At(values, "global", "tag"));
        if (versions.FindExact(tag) is not { } byTag) return versions.Default;
        warnings.Add($"{options.ValuesName}: global.tag is {tag}, a bundled Istio version; using Istio {byTag.Version}'s templates (pass --istio-version to choose another)");
        return byTag;
    }
}

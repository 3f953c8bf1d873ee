using KubeInject.Diagnostics;
using KubeInject.Versions;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// The default injector values and mesh config of each version (its folder's <c>values.yaml</c> and
/// <c>mesh.yaml</c>): what a default <c>istioctl install</c> of that version puts in its configmaps.
/// </summary>
internal static class BundledSettings
{
    /// <summary>The raw text of the bundled <c>values.yaml</c>.</summary>
    public static string ValuesText(IstioVersionProfile profile) => Read(profile, "values.yaml");

    /// <summary>The raw text of the bundled <c>mesh.yaml</c>.</summary>
    public static string MeshText(IstioVersionProfile profile) => Read(profile, "mesh.yaml");

    /// <summary>The bundled values as a tree.</summary>
    public static YMapping LoadValues(IstioVersionProfile profile) =>
        ValuesLoader.Load(ValuesText(profile), ResourceName(profile, "values.yaml"));

    /// <summary>The bundled mesh config with Istio's defaults applied.</summary>
    public static YMapping LoadMeshConfig(IstioVersionProfile profile) =>
        MeshConfigLoader.ApplyMeshConfig(MeshText(profile), ResourceName(profile, "mesh.yaml"));

    private static string ResourceName(IstioVersionProfile profile, string file) => profile.FileName(file);

    private static string Read(IstioVersionProfile profile, string file) =>
        profile.ReadFile(file)
        ?? throw new KubeInjectException($"bundled settings '{profile.FileName(file)}' are missing", null, ErrorKind.MissingInput);
}

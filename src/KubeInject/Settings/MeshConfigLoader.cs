using KubeInject.Diagnostics;
using KubeInject.Go;
using KubeInject.Go.Protojson;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Istio's <c>mesh.ApplyMeshConfigDefaults</c>: a mesh config YAML/JSON text applied onto
/// <see cref="MeshConfigDefaults.MeshConfig"/>. Top-level fields replace the defaults; <c>defaultConfig</c> is
/// merged field by field onto <c>DefaultProxyConfig</c> (with <c>proxyMetadata</c> merged key by key);
/// <c>defaultProviders</c> is merged field by field; <c>extensionProviders</c> are merged by <c>name</c>;
/// <c>trustDomainAliases</c> is the sorted union. The result is validated like <c>ValidateMeshConfig</c>
/// (the ports and the default ProxyConfig).
/// </summary>
internal static class MeshConfigLoader
{
    /// <summary>The effective mesh config for a mesh config text (empty text gives the defaults).</summary>
    /// <param name="yamlText">The <c>mesh</c> text (YAML or JSON).</param>
    /// <param name="fileName">Name for error locations.</param>
    /// <exception cref="KubeInjectException">Malformed text, a value of the wrong type, or a failed validation.</exception>
    public static YMapping ApplyMeshConfig(string yamlText, string fileName = "mesh config")
    {
        YNode? raw;
        try
        {
            raw = ManifestReader.Read(yamlText, fileName).FirstOrDefault()?.Root;
        }
        catch (KubeInjectException e)
        {
            throw new KubeInjectException($"failed to convert to proto. {e.Message}", e.Location, ErrorKind.BadInput, e);
        }
        var mesh = MeshConfigDefaults.MeshConfig();
        if (raw is null or YScalar { Kind: ScalarKind.Null }) return mesh;
        var rawMap = raw as YMapping
            ?? throw new KubeInjectException("failed to convert to proto. json: cannot unmarshal " + (raw is YSequence ? "array" : "string")
                + " into Go value of type map[string]json.RawMessage", Where(fileName, raw));

        YMapping parsed;
        try
        {
            parsed = ProtoJsonReader.ReadMessage(rawMap, ProtoSchemas.MeshConfig);
        }
        catch (ProtoJsonException e)
        {
            throw new KubeInjectException($"failed to convert to proto. {e.Message}", Where(fileName, raw));
        }

        var prevProxy = (YMapping)mesh["defaultConfig"]!;
        var prevProviders = (YMapping)mesh["defaultProviders"]!;
        var prevExtensions = (YSequence)mesh["extensionProviders"]!;
        var prevAliases = (YSequence)mesh["trustDomainAliases"]!;
        foreach (var e in parsed.Entries) mesh.Set(e.Name, e.Value);
        mesh.Set("defaultConfig", prevProxy);
        mesh.Set("defaultProviders", prevProviders);

        // Istio re-reads these two from the raw map by their camelCase key only (extractYamlField), so a
        // snake_case "default_config" is parsed, then dropped: kept that way for fidelity.
        if (rawMap["defaultConfig"] is { } pc && pc is not YScalar { Kind: ScalarKind.Null })
        {
            try
            {
                ProxyConfigMerge.Apply(prevProxy, pc);
            }
            catch (ProtoJsonException e)
            {
                throw new KubeInjectException($"could not parse proxy config: {e.Message}", Where(fileName, pc));
            }
        }
        if (rawMap["defaultProviders"] is { } dp && dp is not YScalar { Kind: ScalarKind.Null })
        {
            var schema = ProtoSchemas.MeshConfig.Find("defaultProviders")!.Message!;
            try
            {
                foreach (var e in ProtoJsonReader.ReadMessage(dp, schema).Entries) prevProviders.Set(e.Name, e.Value);
            }
            catch (ProtoJsonException e)
            {
                throw new KubeInjectException($"could not parse default providers: {e.Message}", Where(fileName, dp));
            }
        }

        mesh.Set("extensionProviders", MergeExtensionProviders(prevExtensions, mesh["extensionProviders"]));
        var aliases = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { mesh["trustDomainAliases"], prevAliases })
            if (list is YSequence q)
                foreach (var i in q.Items.OfType<YScalar>()) aliases.Add(i.Value);
        mesh.Set("trustDomainAliases", new YSequence(aliases.Select(a => (YNode)YScalar.String(a))));

        var errors = MeshConfigValidator.Validate(mesh);
        if (errors.Count > 0) throw new KubeInjectException(MultiError.Format(errors).TrimEnd('\n'), new SourceLocation(fileName));
        return mesh;
    }

    // A provider with a known name replaces that provider's settings in place; others are appended.
    private static YSequence MergeExtensionProviders(YSequence previous, YNode? given)
    {
        var result = (YSequence)previous.DeepClone();
        if (ReferenceEquals(given, previous) || given is not YSequence list) return result;
        foreach (var p in list.Items)
        {
            string? name = (p as YMapping)?["name"] is YScalar n ? n.Value : null;
            int index = -1;
            for (int i = 0; i < result.Count; i++)
                if (((result[i] as YMapping)?["name"] as YScalar)?.Value == name) { index = i; break; }
            if (index >= 0) result.Replace(index, p.DeepClone());
            else result.Add(p.DeepClone());
        }
        return result;
    }

    private static SourceLocation Where(string fileName, YNode node) => new(fileName, -1, node.Line, node.Column);
}

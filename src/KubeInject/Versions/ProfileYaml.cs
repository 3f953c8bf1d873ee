using System.Text.RegularExpressions;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Versions;

/// <summary>
/// Reads a version folder's <c>profile.yaml</c> strictly: <c>version</c>, every <c>behaviour</c> switch and
/// <c>stockTemplateSha256</c> are required, and an unknown key or a value of the wrong type is an error naming the
/// file and line, so a typo in a new version's profile cannot silently pick a default behaviour.
/// </summary>
internal static partial class ProfileYaml
{
    /// <summary>The profile's file name inside a version folder.</summary>
    public const string FileName = "profile.yaml";

    // Each switch of Istio's Go-code behaviour, by its key in profile.yaml.
    private static readonly Dictionary<string, Func<IstioVersionProfile, bool, IstioVersionProfile>> Switches = new(StringComparer.Ordinal)
    {
        ["strictInjectValue"] = (p, on) => p with { StrictInjectValue = on },
        ["addProbersToInjectedPods"] = (p, on) => p with { AddProbersToInjectedPods = on },
        ["rewriteLifecycleHooks"] = (p, on) => p with { RewriteLifecycleHooks = on },
        ["validateEnableCoreDump"] = (p, on) => p with { ValidateEnableCoreDump = on },
        ["validateResourceAnnotations"] = (p, on) => p with { ValidateResourceAnnotations = on },
        ["nativeSidecarAnnotation"] = (p, on) => p with { NativeSidecarAnnotation = on },
        ["nativeSidecarsEnvIsMode"] = (p, on) => p with { NativeSidecarsEnvIsMode = on },
        ["multusNamespaceMatching"] = (p, on) => p with { MultusNamespaceMatching = on },
        ["zeroResourceFieldRefDivisor"] = (p, on) => p with { ZeroResourceFieldRefDivisor = on },
    };

    /// <summary>The profile of version folder <paramref name="folder"/> (e.g. <c>istio-1.30</c>) read from <paramref name="files"/>.</summary>
    /// <exception cref="KubeInjectException">A missing, malformed or incomplete profile, naming the file and line.</exception>
    public static IstioVersionProfile Read(IVersionFiles files, string folder)
    {
        string name = files.NameOf(folder, FileName);
        string text = files.Read(folder, FileName) ?? throw new KubeInjectException($"{FileName} is missing", new SourceLocation(name), ErrorKind.MissingInput);
        var root = ManifestReader.Read(text, name).FirstOrDefault()?.Root as YMapping
            ?? throw Error(name, null, "a profile is a mapping with version, behaviour and stockTemplateSha256");

        var profile = new IstioVersionProfile { Version = "", TemplateFolder = folder, Files = files };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in root.Entries)
        {
            switch (entry.Name)
            {
                case "version":
                    profile = profile with { Version = VersionOf(name, folder, entry.Value) };
                    break;
                case "behaviour":
                    profile = Behaviour(name, Mapping(name, entry), profile);
                    break;
                case "stockTemplateSha256":
                    profile = profile with { StockTemplateSha256 = Hashes(name, Mapping(name, entry)) };
                    break;
                default:
                    throw Error(name, entry.Key, $"unknown key \"{entry.Name}\"; a profile has version, behaviour and stockTemplateSha256");
            }
            seen.Add(entry.Name);
        }
        foreach (var required in new[] { "version", "behaviour", "stockTemplateSha256" })
            if (!seen.Contains(required)) throw Error(name, root, $"\"{required}\" is missing");
        return profile;
    }

    private static IstioVersionProfile Behaviour(string name, YMapping behaviour, IstioVersionProfile profile)
    {
        foreach (var entry in behaviour.Entries)
        {
            if (!Switches.TryGetValue(entry.Name, out var set))
                throw Error(name, entry.Key, $"unknown behaviour switch \"{entry.Name}\"; known: {string.Join(", ", Switches.Keys)}");
            if (entry.Value is not YScalar { Kind: ScalarKind.Bool } flag)
                throw Error(name, entry.Value, $"behaviour.{entry.Name} must be true or false");
            profile = set(profile, (bool)flag.ToValue()!);
        }
        var missing = Switches.Keys.Where(k => !behaviour.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw Error(name, behaviour, $"behaviour lacks {string.Join(", ", missing)}: every switch is required");
        return profile;
    }

    private static Dictionary<string, string> Hashes(string name, YMapping hashes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in hashes.Entries)
        {
            if (entry.Value is not YScalar hash || !Sha256Hex().IsMatch(hash.Value))
                throw Error(name, entry.Value, $"stockTemplateSha256.{entry.Name} must be 64 lower-case hex digits");
            result[entry.Name] = hash.Value;
        }
        return result;
    }

    // The full version, whose minor release must be the folder's (istio-1.30 holds 1.30.x).
    private static string VersionOf(string name, string folder, YNode node)
    {
        if (node is not YScalar scalar || !FullVersion().IsMatch(scalar.Value))
            throw Error(name, node, "version must be a full Istio version such as 1.30.3");
        string minor = scalar.Value[..scalar.Value.LastIndexOf('.')];
        if (folder != "istio-" + minor)
            throw Error(name, node, $"version {scalar.Value} does not belong in folder {folder} (expected istio-{minor})");
        return scalar.Value;
    }

    private static YMapping Mapping(string name, YEntry entry) =>
        entry.Value as YMapping ?? throw Error(name, entry.Value, $"{entry.Name} must be a mapping");

    private static KubeInjectException Error(string name, YNode? node, string message) =>
        new(message, new SourceLocation(name, Line: node?.Line ?? 0, Column: node?.Column ?? 0), ErrorKind.BadInput);

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+$")]
    private static partial Regex FullVersion();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

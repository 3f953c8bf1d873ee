using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// Finds the conformance corpus and reads its cases.yaml: the repository's copy (<c>tests/conformance</c>, refreshed
/// from the shared corpus by <c>tests/conformance/refresh.sh</c>), so a clone from the internet runs the fidelity
/// tests. KUBEINJECT_SHARED (the <c>shared</c> folder, or a conformance folder itself) wins.
/// </summary>
public static class ConformanceCorpus
{
    private static readonly Lazy<(string? Path, string Searched)> Located = new(Locate);

    /// <summary>The conformance folder, or null when it cannot be found.</summary>
    public static string? Folder => Located.Value.Path;

    /// <summary>Where we looked, for the skip message.</summary>
    public static string SearchedPlaces => Located.Value.Searched;

    /// <summary>The folder of one Istio version (<c>istio-1.23.0</c>), or null when absent.</summary>
    public static string? VersionFolder(string version)
    {
        if (Folder is null) return null;
        var dir = Path.Combine(Folder, "istio-" + version);
        return File.Exists(Path.Combine(dir, "cases.yaml")) ? dir : null;
    }

    /// <summary>The cases of a version, in file order; empty when the corpus or version is missing.</summary>
    public static IReadOnlyList<ConformanceCase> Cases(string version) => Cache.GetOrAdd(version, Load);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ConformanceCase>> Cache = new();

    private static IReadOnlyList<ConformanceCase> Load(string version)
    {
        var dir = VersionFolder(version);
        if (dir is null) return [];
        string path = Path.Combine(dir, "cases.yaml");
        var root = ManifestReader.Read(File.ReadAllText(path), path).Select(d => d.Root).FirstOrDefault(r => r is not null);
        if (root is not YSequence list) throw new InvalidDataException($"{path}: expected a list of cases");
        return list.Items.Cast<YMapping>().Select(m => Parse(dir, m)).ToList();
    }

    private static ConformanceCase Parse(string dir, YMapping m) => new()
    {
        VersionDirectory = dir,
        Id = Str(m, "id") ?? throw new InvalidDataException("case without id"),
        Input = Str(m, "input") ?? throw new InvalidDataException("case without input"),
        Expected = Str(m, "expected"),
        Settings = Str(m, "settings") ?? "default",
        MeshOverrides = m["meshOverrides"] as YMapping,
        ExpectedError = Str(m, "expectedError"),
        ExpectedLog = Str(m, "expectedLog"),
        FeatureFlags = (m["featureFlags"] as YMapping)?.Entries.ToDictionary(e => e.Name, e => FlagString(e.Value))
            ?? new Dictionary<string, string>(),
        CustomGoTemplate = Bool(m, "customGoTemplate"),
        NativeSidecar = Bool(m, "nativeSidecar"),
        WebhookOnly = Bool(m, "webhookOnly"),
        Notes = Str(m, "notes"),
    };

    private static string? Str(YMapping m, string key) =>
        m[key] is YScalar s && s.Kind != ScalarKind.Null ? s.Value : null;

    private static bool Bool(YMapping m, string key) => m[key] is YScalar { Kind: ScalarKind.Bool } s && s.ToValue() is true;

    // compare.py _flag_str: booleans as true/false, anything else as written.
    private static string FlagString(YNode v) => v is YScalar s
        ? s.Kind == ScalarKind.Bool ? (s.ToValue() is true ? "true" : "false") : s.Value
        : v.ToString();

    private static (string?, string) Locate()
    {
        var searched = new List<string>();
        var fromEnv = System.Environment.GetEnvironmentVariable("KUBEINJECT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            foreach (var candidate in new[] { Path.Combine(fromEnv, "conformance"), fromEnv })
            {
                searched.Add(candidate);
                if (IsCorpus(candidate)) return (Path.GetFullPath(candidate), "");
            }
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "tests", "conformance");
                if (File.Exists(Path.Combine(d.FullName, "KubeInject.sln")) && IsCorpus(candidate)) return (candidate, "");
            }
            searched.Add($"tests/conformance in the repository above {start}");
        }
        return (null, string.Join("; ", searched) + " (set KUBEINJECT_SHARED to the shared folder)");
    }

    /// <summary>The shared corpus the repository's copy is refreshed from (<c>shared/conformance</c> beside the clone), or null.</summary>
    public static string? SharedFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "conformance");
            if (IsCorpus(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsCorpus(string dir) => Directory.Exists(dir) && Directory.EnumerateDirectories(dir, "istio-*").Any();
}

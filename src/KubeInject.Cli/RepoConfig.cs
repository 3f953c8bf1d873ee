using System.Text;
using System.Text.RegularExpressions;
using KubeInject.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KubeInject.Cli;

/// <summary>
/// The repository config file <c>.kube-inject.yaml</c> (found by walking up from the working directory, or named by
/// <c>--config</c>): default settings for runs in that repository, e.g. from a pre-commit hook. Command-line flags
/// win. Paths in it are relative to the file's folder; <c>include</c>/<c>exclude</c> globs are matched against file
/// paths relative to that folder (<c>*</c>, <c>?</c>, <c>**</c>; a pattern without <c>/</c> matches a file name anywhere).
/// </summary>
internal sealed class RepoConfig
{
    public const string FileName = ".kube-inject.yaml";

    // What only the file says (which files, and what to do with template markup); the rest are the injection settings.
    private static readonly string[] FileKeys = ["include", "exclude", "skipTemplates"];

    /// <summary>Every key the file may hold (the JSON Schema in <c>Schema/kube-inject.schema.json</c> lists the same).</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
        [.. SettingKeys.All.SelectMany(k => SettingKeys.KebabCase(k) == k ? [k] : new[] { k, SettingKeys.KebabCase(k) }), .. FileKeys];

    public string? Path { get; private init; }
    public string Folder { get; private init; } = "";
    public string? Values { get; private init; }
    public string? MeshConfig { get; private init; }
    public string? InjectorConfig { get; private init; }
    public string? IstioVersion { get; private init; }
    public string? Revision { get; private init; }
    public string? NativeSidecars { get; private init; }
    public IReadOnlyList<string> Include { get; private init; } = [];
    public IReadOnlyList<string> Exclude { get; private init; } = [];

    /// <summary>Workload kinds beyond the built-in table: <c>workloads: [{group, kind, podTemplate}]</c>.</summary>
    public IReadOnlyList<KubeInject.Selection.WorkloadKindSpec> Workloads { get; private init; } = [];

    /// <summary>
    /// A file whose unrendered template markup (<c>{{ … }}</c>) makes its YAML invalid passes through unchanged with a
    /// warning (true, the default) or is an error (false). <c>{{</c> inside string values never matters.
    /// </summary>
    public bool SkipTemplates { get; private init; } = true;

    public static RepoConfig None { get; } = new();

    /// <summary>The explicit file, or the nearest <c>.kube-inject.yaml</c> up from <paramref name="startDirectory"/>.</summary>
    public static RepoConfig Load(string? explicitPath, string startDirectory)
    {
        string? path = explicitPath;
        if (path is null)
        {
            for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, FileName);
                if (File.Exists(candidate)) { path = candidate; break; }
            }
            if (path is null) return None;
        }
        else if (!File.Exists(path))
            throw new KubeInjectException("config file not found", new SourceLocation(path), ErrorKind.MissingInput);
        return Parse(File.ReadAllText(path, Encoding.UTF8), System.IO.Path.GetFullPath(path));
    }

    public static RepoConfig Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KubeInjectException($"invalid YAML: {e.Message}", new SourceLocation(path, 0, (int)e.Start.Line, (int)e.Start.Column));
        }
        string folder = System.IO.Path.GetDirectoryName(path)!;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new RepoConfig { Path = path, Folder = folder };
        string? values = null, mesh = null, injector = null, version = null, revision = null, native = null;
        List<string> include = [], exclude = [];
        List<KubeInject.Selection.WorkloadKindSpec> workloads = [];
        bool skipTemplates = true;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            string? Scalar() => value is YamlScalarNode s ? s.Value : throw Bad(key, "a string");
            List<string> List() => value switch
            {
                YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw Bad(key, "a list of strings")).ToList(),
                YamlScalarNode s when s.Value is { Length: > 0 } v => [v],
                _ => throw Bad(key, "a list of strings"),
            };
            string? Relative() => Scalar() is { Length: > 0 } p ? System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, p)) : null;
            switch (SettingKeys.Canonical(key) ?? key)
            {
                case SettingKeys.Values: values = Relative(); break;
                case SettingKeys.MeshConfig: mesh = Relative(); break;
                case SettingKeys.InjectorConfig: injector = Relative(); break;
                case SettingKeys.IstioVersion: version = Scalar(); break;
                case SettingKeys.Revision: revision = Scalar(); break;
                case SettingKeys.NativeSidecars: native = Scalar(); break;
                case SettingKeys.Workloads: workloads = WorkloadEntries(value, path); break;
                case "include": include = List(); break;
                case "exclude": exclude = List(); break;
                case "skipTemplates": skipTemplates = Scalar() is "true" or "True" or "yes"; break;
                default: throw new KubeInjectException($"unknown setting \"{key}\" (known: {string.Join(", ", KnownKeys.Where(k => !k.Contains('-')))})", new SourceLocation(path, 0, (int)keyNode.Start.Line, (int)keyNode.Start.Column), ErrorKind.Usage);
            }
        }
        if (native is not null) SettingKeys.ParseNativeSidecars(native, new SourceLocation(path));
        return new RepoConfig
        {
            Path = path, Folder = folder, Values = values, MeshConfig = mesh, InjectorConfig = injector, IstioVersion = version,
            Revision = revision, NativeSidecars = native, Include = include, Exclude = exclude, SkipTemplates = skipTemplates,
            Workloads = workloads,
        };

        KubeInjectException Bad(string key, string what) => new($"\"{key}\" must be {what}", new SourceLocation(path), ErrorKind.Usage);
    }

    // workloads: [{group: example.com, kind: Widget, podTemplate: spec.runner.template}]; a bad entry names its line.
    private static List<KubeInject.Selection.WorkloadKindSpec> WorkloadEntries(YamlNode value, string path)
    {
        SourceLocation At(YamlNode n) => new(path, 0, (int)n.Start.Line, (int)n.Start.Column);
        if (value is not YamlSequenceNode list)
            throw new KubeInjectException("\"workloads\" must be a list of {group, kind, podTemplate}", At(value), ErrorKind.Usage);
        var result = new List<KubeInject.Selection.WorkloadKindSpec>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry)
                throw new KubeInjectException("a workloads entry must be a mapping {group, kind, podTemplate}", At(item), ErrorKind.Usage);
            string group = "", kind = "", podTemplate = "";
            foreach (var (k, v) in entry.Children)
            {
                string name = (k as YamlScalarNode)?.Value ?? "";
                string text = v is YamlScalarNode s ? s.Value ?? "" : throw new KubeInjectException($"workloads: {name} must be a string", At(v), ErrorKind.Usage);
                switch (name)
                {
                    case "group": group = text; break;
                    case "kind": kind = text; break;
                    case "podTemplate": podTemplate = text; break;
                    default: throw new KubeInjectException($"workloads: unknown key \"{name}\" (known: group, kind, podTemplate)", At(k), ErrorKind.Usage);
                }
            }
            if (kind.Length == 0 || podTemplate.Length == 0)
                throw new KubeInjectException("a workloads entry needs kind and podTemplate (and group, empty for the core group)", At(item), ErrorKind.Usage);
            var spec = new KubeInject.Selection.WorkloadKindSpec(group, kind, podTemplate);
            spec.Validate(At(item));
            result.Add(spec);
        }
        return result;
    }

    /// <summary>Whether a file takes part, by the include/exclude globs (files outside the config's folder always do).</summary>
    public bool Selects(string file)
    {
        if (Path is null || Include.Count == 0 && Exclude.Count == 0) return true;
        string relative = System.IO.Path.GetRelativePath(Folder, System.IO.Path.GetFullPath(file)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return true;
        if (Include.Count > 0 && !Include.Any(g => Glob(g).IsMatch(relative))) return false;
        return !Exclude.Any(g => Glob(g).IsMatch(relative));
    }

    internal static Regex Glob(string pattern)
    {
        pattern = pattern.Replace('\\', '/').TrimStart('/');
        if (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern[2..];
        if (!pattern.Contains('/')) pattern = "**/" + pattern;
        if (pattern.EndsWith('/')) pattern += "**";
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                bool slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}

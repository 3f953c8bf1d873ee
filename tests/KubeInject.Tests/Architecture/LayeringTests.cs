using System.Text.RegularExpressions;

namespace KubeInject.Tests.Architecture;

/// <summary>
/// The library's folders are its namespaces; these tests read the sources and check that the folders form layers:
/// no two folders depend on each other (directly or round a longer cycle), and only the facades wire stages.
/// A folder depends on another when one of its files has <c>using KubeInject.Other;</c> or names
/// <c>KubeInject.Other.</c> / <c>Other.</c> a type of it (the partly qualified form C# allows from a sibling namespace).
/// </summary>
public sealed partial class LayeringTests
{
    // The entry points: they wire stages together, so they may depend on anything; nothing depends on them.
    private static readonly string[] Facades = ["(root)", "Krm", "Pipeline"];
    private static readonly string[] FacadeTypes = ["Injector", "Uninjector", "KrmFunction", "WorkloadPipeline"];

    // Folders of independent packages: Go/ emulates one Go package per file or sub-folder.
    private static readonly string[] PackageFolders = ["Go"];

    private static string UnitOf(string folder)
    {
        var parts = folder.Split('.');
        return PackageFolders.Contains(parts[0]) ? folder : parts[0];
    }

    [GeneratedRegex(@"//.*$|/\*.*?\*/|""(?:[^""\\]|\\.)*""", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    internal static string LibraryFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "src", "KubeInject");
            if (File.Exists(Path.Combine(candidate, "KubeInject.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("src/KubeInject not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Unit → the units its code refers to (comments and string literals ignored). A unit is a top-level folder with its
    /// sub-folders (<c>Checking</c> holds <c>Checking/Policies</c>), except in <see cref="PackageFolders"/>, where each
    /// sub-folder is a unit of its own (<c>Go.Protojson</c>).
    /// </summary>
    internal static Dictionary<string, SortedSet<string>> Dependencies()
    {
        string root = LibraryFolder();
        var units = Directory.GetDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(root, d).Replace(Path.DirectorySeparatorChar, '.'))
            .Where(n => !n.StartsWith("bin", StringComparison.Ordinal) && !n.StartsWith("obj", StringComparison.Ordinal))
            .ToList();
        var unitNames = units.Select(UnitOf).Distinct().ToList();
        // A unit is referred to by its own namespace or any of its sub-namespaces.
        var patterns = unitNames.ToDictionary(u => u, u => new Regex(string.Join("|", units.Where(n => UnitOf(n) == u).Select(n => Pattern(n, units)))));
        var graph = new Dictionary<string, SortedSet<string>>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            if (folder.StartsWith("bin", StringComparison.Ordinal) || folder.StartsWith("obj", StringComparison.Ordinal)) continue;
            string from = folder == "." ? "(root)" : UnitOf(folder);
            var deps = graph.TryGetValue(from, out var d) ? d : graph[from] = [];
            string code = CommentsAndStrings().Replace(File.ReadAllText(file), "");
            foreach (var (to, pattern) in patterns)
                if (to != from && pattern.IsMatch(code)) deps.Add(to);
            if (from != "(root)" && !Facades.Contains(from))
                foreach (var facade in FacadeTypes)
                    if (Regex.IsMatch(code, $@"(?<![\w.]){facade}\b")) deps.Add("(root)");
        }
        return graph;
    }

    // using KubeInject.U; or a type named through KubeInject.U. — or through U. alone, which C# resolves from a sibling
    // namespace — where the next name is a type, not one of U's own sub-namespaces.
    private static string Pattern(string unit, List<string> units)
    {
        var children = units.Where(u => u.StartsWith(unit + ".", StringComparison.Ordinal)).Select(u => u[(unit.Length + 1)..].Split('.')[0]).Distinct().ToList();
        string notChild = children.Count == 0 ? "" : $"(?!(?:{string.Join("|", children)})\\b)";
        string name = Regex.Escape(unit);
        string partial = unit.Contains('.') ? "" : $@"|(?<![\w.]){name}\.{notChild}[A-Z]";
        return $@"using KubeInject\.{name};|using static KubeInject\.{name}\.|KubeInject\.{name}\.{notChild}[A-Z]{partial}";
    }

    [Fact]
    public void No_folder_depends_on_itself_through_others()
    {
        var graph = Dependencies();
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
            if (PathBack(graph, start, start, [start]) is { } cycle) cycles.Add(string.Join(" → ", cycle));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Only_facades_use_the_facades()
    {
        var graph = Dependencies();
        var offenders = graph.Where(g => !Facades.Contains(g.Key) && g.Value.Any(Facades.Contains)).Select(g => $"{g.Key} → {string.Join(", ", g.Value.Where(Facades.Contains))}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_reader_of_the_sources_sees_known_edges()
    {
        // Guards the test itself: if the scan stopped seeing dependencies, the two tests above would pass vacuously.
        var graph = Dependencies();
        Assert.Contains("Yaml", graph["Reading"]);
        Assert.Contains("Pipeline", graph["(root)"]);
        Assert.Contains("Pod", graph["Merging"]);
        Assert.Contains("Yaml", graph["Go.Protojson"]);
        Assert.DoesNotContain("Yaml", graph["Go"]);
    }

    private static List<string>? PathBack(Dictionary<string, SortedSet<string>> graph, string target, string at, List<string> path)
    {
        if (!graph.TryGetValue(at, out var next)) return null;
        foreach (var n in next)
        {
            if (n == target) return [.. path, n];
            if (path.Contains(n)) continue;
            if (PathBack(graph, target, n, [.. path, n]) is { } found) return found;
        }
        return null;
    }
}

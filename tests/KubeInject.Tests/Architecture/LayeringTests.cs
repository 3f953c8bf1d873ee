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

    /// <summary>Folder → the folders its code refers to (comments and string literals ignored).</summary>
    internal static Dictionary<string, SortedSet<string>> Dependencies()
    {
        string root = LibraryFolder();
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).Select(n => n!).ToList();
        var graph = new Dictionary<string, SortedSet<string>>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            if (relative[0] is "bin" or "obj") continue;
            string from = relative.Length == 1 ? "(root)" : relative[0];
            var deps = graph.TryGetValue(from, out var d) ? d : graph[from] = [];
            string code = CommentsAndStrings().Replace(File.ReadAllText(file), "");
            foreach (var to in folders)
            {
                if (to == from) continue;
                if (Regex.IsMatch(code, $@"(using KubeInject\.{to}(\.[A-Za-z.]+)?;)|KubeInject\.{to}\.|(?<![\w.]){to}\.[A-Z]"))
                    deps.Add(to);
            }
            if (from != "(root)" && !Facades.Contains(from))
                foreach (var facade in FacadeTypes)
                    if (Regex.IsMatch(code, $@"(?<![\w.]){facade}\b")) deps.Add("(root)");
        }
        return graph;
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

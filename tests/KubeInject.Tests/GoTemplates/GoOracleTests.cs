using System.Runtime.CompilerServices;
using System.Text.Json;
using KubeInject.Diagnostics;
using KubeInject.GoTemplates;
using KubeInject.Reading;
using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// Every case of cases.json rendered by the front end must give what Go's text/template gave for it: expected.json
/// was written by oracle/main.go (Go 1.19's text/template, builtins only; regenerate with oracle/generate.sh).
/// For a case Go rejects, the front end must throw a <see cref="KubeInjectException"/> too.
/// </summary>
public sealed class GoOracleTests
{
    // SnapshotPaths maps CI's path-mapped build (/_/) back to the checkout.
    private static string Folder([CallerFilePath] string path = "") => KubeInject.Tests.Golden.SnapshotPaths.Directory(path, null);

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "cases.json"))).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c));

    private static readonly Lazy<Dictionary<string, JsonElement>> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "expected.json"))).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value));

    // Cases where the front end knowingly differs from Go, with the reason (see GoSemantics).
    private static readonly Dictionary<string, string> KnownDifferences = new()
    {
        // Go errors on a field of a nil map value; the front end treats nil like a missing value.
        ["field_of_nil"] = "nil values are treated like missing ones",
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Renders_like_go(string name)
    {
        if (KnownDifferences.TryGetValue(name, out var why) && why.Length > 0) Assert.Skip(why);
        var c = Cases.Value[name];
        var expected = Expected.Value[name];
        string template = c.GetProperty("template").GetString()!;
        bool isStruct = c.GetProperty("struct").GetBoolean();
        var data = Data(c.GetProperty("data"), isStruct);
        if (expected.TryGetProperty("error", out var error))
        {
            var e = Assert.Throws<KubeInjectException>(() => GoTemplate.Compile(name, template).Render(data));
            Assert.Equal(ErrorKind.BadInput, e.Kind);
            Assert.Contains($"template: {name}:", e.Message);
            _ = error;
            return;
        }
        var output = GoTemplate.Compile(name, template).Render(data);
        Assert.Equal(expected.GetProperty("output").GetString(), output);
    }

    // JSON is YAML: parse it with the project's reader. Map data decodes like Go's encoding/json into
    // map[string]interface{} (every number a float64); struct data follows the oracle's Go types.
    private static object? Data(JsonElement json, bool isStruct)
    {
        var tree = YamlFragment.Parse(json.GetRawText(), "data");
        if (!isStruct) return GoData.Map(tree, float64Numbers: true);
        var m = (KubeInject.Yaml.YMapping)tree!;
        var meta = GoData.Struct(m["ObjectMeta"]);
        meta["labels"] = GoData.StringMap((m["ObjectMeta"] as KubeInject.Yaml.YMapping)?["labels"]);
        meta["annotations"] = GoData.StringMap((m["ObjectMeta"] as KubeInject.Yaml.YMapping)?["annotations"]);
        return new GoStruct
        {
            ["ObjectMeta"] = meta,
            ["Spec"] = GoData.Struct(m["Spec"]),
            ["Values"] = GoData.Map(m["Values"], float64Numbers: true),
            ["Revision"] = "",
        };
    }
}

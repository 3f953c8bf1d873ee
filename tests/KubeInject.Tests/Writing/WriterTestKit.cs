using KubeInject.Reading;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject.Tests.Writing;

/// <summary>Parse, change, write: the shape of every writer test.</summary>
internal static class WriterTestKit
{
    public static List<ManifestDocument> Read(string text) => ManifestReader.Read(text, "test.yaml").ToList();

    public static string Write(IEnumerable<ManifestDocument> docs)
    {
        var sw = new StringWriter();
        foreach (var d in docs) DocumentWriter.Write(d, sw);
        return sw.ToString();
    }

    /// <summary>Parses <paramref name="text"/>, applies <paramref name="change"/> to document <paramref name="doc"/>'s root, writes all documents.</summary>
    public static string Modify(string text, Action<YNode> change, int doc = 0)
    {
        var docs = Read(text);
        change(docs[doc].Root!);
        return Write(docs);
    }

    /// <summary>The mapping at a path of keys (ints index sequences).</summary>
    public static YMapping Map(YNode node, params object[] path) => (YMapping)At(node, path);

    /// <summary>The sequence at a path of keys.</summary>
    public static YSequence Seq(YNode node, params object[] path) => (YSequence)At(node, path);

    public static YNode At(YNode node, params object[] path)
    {
        foreach (var p in path)
            node = p is int i ? ((YSequence)node)[i] : ((YMapping)node)[(string)p]!;
        return node;
    }

    /// <summary>A created mapping from key/value pairs (values: YNode, string, long, bool).</summary>
    public static YMapping NewMap(params (string Key, object Value)[] entries)
    {
        var m = new YMapping();
        foreach (var (k, v) in entries) m.Set(k, Node(v));
        return m;
    }

    public static YNode Node(object v) => v switch
    {
        YNode n => n,
        string s => YScalar.String(s),
        int i => YScalar.Int(i),
        long l => YScalar.Int(l),
        bool b => YScalar.Bool(b),
        _ => throw new ArgumentException(v.GetType().Name),
    };

    /// <summary>Asserts that the written text reads back to the same trees and writes back to itself unchanged.</summary>
    public static void AssertStable(string written, IReadOnlyList<ManifestDocument> changed)
    {
        var again = Read(written);
        Assert.Equal(written, Write(again));
        var roots = changed.Where(d => d.Root is not null).Select(d => d.Root!).ToList();
        var reread = again.Where(d => d.Root is not null).Select(d => d.Root!).ToList();
        Assert.Equal(roots.Count, reread.Count);
        for (int i = 0; i < roots.Count; i++)
            Assert.True(roots[i].SemanticEquals(reread[i]), $"document {i} reads back differently:\n{reread[i]}\nexpected\n{roots[i]}");
    }
}

using KubeInject.Writing;
using KubeInject.Yaml;
using static KubeInject.Tests.Writing.WriterTestKit;

namespace KubeInject.Tests.Writing;

/// <summary>
/// Many seeded random edits on varied inputs: whatever the edit, the output must read back to the edited tree
/// and write back to itself. Exact layout is pinned by <see cref="SpliceTests"/>; this guards validity.
/// </summary>
public class RandomEditTests
{
    private const string Corpus = """
        # header
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web # inline
          labels: {app: web}
          annotations:
            a: "1"

        spec:
          template:
            metadata:
              labels:
                app: web
            spec:
              # containers
              containers:
                - name: app
                  image: 'nginx'
                  args:
                  - |
                    multi
                    line

                  - x
                - &second
                  name: second
                  env: []
              volumes:
              -
                name: v
                emptyDir: {}
              - - nested
                - seq
              empty:
              alias: *second
        """;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        string[] inputs =
        [
            Corpus + "\n",
            Corpus.Replace("&second", "").Replace("*second", "{}") + "\n",
            Corpus.Replace("&second", "").Replace("*second", "{}").ReplaceLineEndings("\r\n"),
            Corpus.ReplaceLineEndings("\r\n"),
            "\uFEFF" + Corpus + "\n...\n",
            "{\"a\": {\"b\": [1, {\"c\": null}]}, \"d\": \"e\"}\n",
            "- a\n- b: 1\n  c: [1]\n- - x\n",
            "--- # doc\nk: |-\n  text\nl: >\n  folded\n\n# end\n",
        ];
        for (int i = 0; i < inputs.Length; i++)
            for (int seed = 0; seed < 40; seed++)
                data.Add(inputs[i], seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Any_edit_reads_back_as_the_edited_tree(string input, int seed)
    {
        var docs = Read(input);
        var rnd = new Random(seed);
        var containers = new List<YNode>();
        foreach (var d in docs) if (d.Root is not null) Collect(d.Root, containers);
        var all = new List<YNode>(containers);
        foreach (var c in containers)
            if (c is YMapping cm) all.AddRange(cm.Entries.Select(e => e.Value)); else all.AddRange(((YSequence)c).Items);
        int edits = 1 + rnd.Next(6);
        for (int i = 0; i < edits && containers.Count > 0; i++)
        {
            // Sometimes place a copy of a parsed node somewhere else: moved text must be copied only where it fits.
            YNode? moved = rnd.Next(3) == 0 ? all[rnd.Next(all.Count)].DeepClone() : null;
            Edit(containers[rnd.Next(containers.Count)], rnd, i, moved);
        }
        string output = Write(docs);
        AssertStable(output, docs);
        // Without anchors the splice itself must be right: the fallbacks are for aliases, not for hiding splice bugs.
        foreach (var d in docs.Where(d => d.Root is not null && !d.Text.Contains('&')))
            Assert.True(DocumentWriter.ReadsBackAs(DocumentWriter.Render(d, SpliceMode.Splice), d.Root!), DocumentWriter.Render(d, SpliceMode.Splice));
    }

    private static void Collect(YNode node, List<YNode> into)
    {
        if (node is YMapping m) { into.Add(m); foreach (var e in m.Entries) Collect(e.Value, into); }
        else if (node is YSequence q) { into.Add(q); foreach (var item in q.Items) Collect(item, into); }
    }

    private static YNode NewValue(Random rnd, int i) => rnd.Next(6) switch
    {
        0 => YScalar.String($"v{i}"),
        1 => YScalar.String("multi\nline " + i + "\n"),
        2 => NewMap(($"k{i}", "x"), ("n", i)),
        3 => new YSequence([YScalar.String("true"), NewMap(("deep", new YSequence([YScalar.Int(i)])))]),
        4 => new YMapping(),
        _ => YScalar.Int(i),
    };

    private static void Edit(YNode target, Random rnd, int i, YNode? moved)
    {
        if (moved is not null)
        {
            if (target is YMapping tm) tm.Set($"moved{i}", moved);
            else ((YSequence)target).Insert(rnd.Next(((YSequence)target).Count + 1), moved);
            return;
        }
        if (target is YMapping m)
        {
            switch (rnd.Next(4))
            {
                case 0: m.Set($"new{i}", NewValue(rnd, i)); break;
                case 1 when m.Count > 0: m.Remove(m.Entries[rnd.Next(m.Count)].Name); break;
                case 2 when m.Count > 0: m.Set(m.Entries[rnd.Next(m.Count)].Name, NewValue(rnd, i)); break;
                default: m.Insert(rnd.Next(m.Count + 1), $"ins{i}", NewValue(rnd, i)); break;
            }
        }
        else if (target is YSequence q)
        {
            switch (rnd.Next(4))
            {
                case 0: q.Add(NewValue(rnd, i)); break;
                case 1 when q.Count > 0: q.RemoveAt(rnd.Next(q.Count)); break;
                case 2 when q.Count > 1: q.Move(0, q.Count - 1); break;
                default: q.Insert(rnd.Next(q.Count + 1), NewValue(rnd, i)); break;
            }
        }
    }
}

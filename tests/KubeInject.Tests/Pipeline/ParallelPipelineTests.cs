using KubeInject.Diagnostics;
using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Pipeline;

/// <summary>
/// Documents edited on several threads must come out as a serial run writes them: same bytes, same reports in the
/// same order, and a failing document stops the run at the same place with the same documents written before it.
/// </summary>
public sealed class ParallelPipelineTests
{
    // Every corpus input of the default version that injects with the default settings, each several times over,
    // so that worker threads share the injector's values and mesh config while they render.
    private static string ManyDocuments()
    {
        var serial = new Injector(new InjectionOptions());
        var inputs = new List<string>();
        foreach (var c in ConformanceCorpus.Cases(Injector.DefaultIstioVersion).Where(c => c.Settings == "default" && c.ExpectedError is null))
        {
            string text = File.ReadAllText(Path.Combine(c.VersionDirectory, c.Input));
            try { serial.Inject(text, c.Id); } catch (KubeInjectException) { continue; }
            inputs.Add(text.EndsWith('\n') ? text : text + "\n");
        }
        Assert.True(inputs.Count > 20, $"too few corpus inputs ({inputs.Count}); corpus at {ConformanceCorpus.Folder}");
        return string.Join("---\n", Enumerable.Repeat(inputs, 4).SelectMany(i => i));
    }

    [Fact]
    public void A_parallel_run_writes_what_a_serial_run_writes()
    {
        string text = ManyDocuments();
        var serial = new Injector(new InjectionOptions()).Inject(text, "many.yaml");
        for (int run = 0; run < 3; run++)
        {
            var parallel = new Injector(new InjectionOptions { Parallelism = 4 }).Inject(text, "many.yaml");
            Assert.Equal(serial.Output, parallel.Output);
            Assert.Equal(serial.Changed, parallel.Changed);
            Assert.Equal(serial.Workloads.Select(Line), parallel.Workloads.Select(Line));
        }
        Assert.Contains(serial.Workloads, w => w.Injected);
    }

    [Fact]
    public void A_parallel_uninjection_writes_what_a_serial_one_writes()
    {
        string injected = new Injector(new InjectionOptions()).Inject(ManyDocuments(), "many.yaml").Output;
        var serial = new Uninjector(new InjectionOptions()).Uninject(injected, "many.yaml");
        var parallel = new Uninjector(new InjectionOptions { Parallelism = 4 }).Uninject(injected, "many.yaml");
        Assert.Equal(serial.Output, parallel.Output);
        Assert.Equal(serial.Workloads.Select(Line), parallel.Workloads.Select(Line));
        Assert.Contains(serial.Workloads, w => w.Uninjected);
    }

    [Fact]
    public void A_bad_document_stops_a_parallel_run_where_a_serial_run_stops()
    {
        const string good = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{0}\nspec:\n  containers:\n  - name: app\n    image: app\n";
        // A wrong-typed annotations field: refused (exit 65) by the decision stage, on a worker thread.
        const string bad = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n  annotations: [x]\nspec:\n  containers:\n  - name: app\n    image: app\n";
        var docs = Enumerable.Range(0, 30).Select(i => string.Format(good, i)).ToList();
        docs.Insert(17, bad);
        string text = string.Join("---\n", docs);

        var (serialWritten, serialError) = Stream(text, parallelism: 1);
        var (parallelWritten, parallelError) = Stream(text, parallelism: 4);
        Assert.NotNull(serialError);
        Assert.Equal(serialError, parallelError);
        Assert.Equal(serialWritten, parallelWritten);
        Assert.Equal(17, serialWritten.Split("kind: Pod").Length - 1);
    }

    private static (string Written, string? Error) Stream(string text, int parallelism)
    {
        var output = new StringWriter();
        try
        {
            new Injector(new InjectionOptions { Parallelism = parallelism }).Inject(text, "bad.yaml", output);
            return (output.ToString(), null);
        }
        catch (KubeInjectException e)
        {
            return (output.ToString(), e.ToString());
        }
    }

    private static string Line(WorkloadReport r) => $"{r.Location} {r.DisplayName} {r.Outcome} {r.Reason?.Code} {r.ProxyImage} {string.Join("|", r.Warnings)}";
}

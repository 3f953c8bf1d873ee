using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// <c>uninject(inject(x))</c> equals <c>x</c> (compare.py's rules) for every pristine injectable corpus input. The
/// exclusions are inputs whose original cannot be recovered from what injection records; each says why.
/// </summary>
public sealed class UninjectionCorpusTests
{
    private const string NoCorpus = "(shared conformance corpus not found)";

    /// <summary>Case id → why <c>uninject(inject(x))</c> cannot give back <c>x</c> exactly.</summary>
    internal static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
        ["merge-probers"] = "the input is already injected: uninjecting gives the pristine manifest, not the input",
        ["deploymentconfig"] = DroppedZeros,
        ["deploymentconfig-multi"] = DroppedZeros,
        ["deploymentconfig-with-canonical-service-label"] = DroppedZeros,
        ["proxy-override-args-native"] = "with native sidecars the user's istio-proxy customisation moves from containers to initContainers; " +
            "proxy.istio.io/overrides records it as an init container, so it comes back there",
    };

    private const string DroppedZeros = "Go's typed output drops the zero values spec.paused: false and spec.minReadySeconds: 0 on injection; nothing records them";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var cases = CorpusSettings.Injectable("1.23.0").ToList();
        if (cases.Count == 0) data.Add(NoCorpus);
        foreach (var c in cases) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uninjecting_an_injection_gives_back_the_input(string caseId)
    {
        if (caseId == NoCorpus) Assert.Skip($"../shared/conformance not found: {ConformanceCorpus.SearchedPlaces}");
        if (Excluded.TryGetValue(caseId, out var why)) Assert.Skip(why);
        var c = ConformanceCorpus.Cases("1.23.0").Single(x => x.Id == caseId);
        var options = CorpusSettings.For(c, "1.23.0");
        string input = File.ReadAllText(c.InputPath);

        var injected = new Injector(options).Inject(input, c.InputPath);
        var result = new Uninjector(options).Uninject(injected.Output, c.InputPath);

        // Istio records a rewritten probe's named port as the number it names; that is what comes back.
        var diffs = SemanticComparer.Compare(input, result.Output);
        if (diffs.Count > 0 && SemanticComparer.Compare(NamedProbePorts.Resolve(input, c.InputPath), result.Output) is { Count: 0 }) diffs = [];
        Assert.True(diffs.Count == 0, $"{caseId}: uninject(inject(x)) differs from x:\n{SemanticComparer.Format(diffs)}\n--- output:\n{result.Output}");
        Assert.Equal(injected.Workloads.Select(w => w.Injected), result.Workloads.Select(w => w.Uninjected));
    }
}

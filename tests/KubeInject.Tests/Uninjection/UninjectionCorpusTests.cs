using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// <c>uninject(inject(x))</c> equals <c>x</c> (compare.py's rules) for every pristine injectable corpus input. The
/// exclusions are inputs whose original cannot be recovered from what injection records; each says why.
/// </summary>
public sealed partial class UninjectionCorpusTests
{
    private const string NoCorpus = "(shared conformance corpus not found)";

    /// <summary>Case id → why <c>uninject(inject(x))</c> cannot give back <c>x</c> exactly.</summary>
    internal static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
        ["merge-probers"] = "the input is already injected: uninjecting gives the pristine manifest, not the input",
    };

    // Go's typed output drops these zero values of a DeploymentConfig on injection (omitempty) and nothing records
    // that they were there, so they cannot come back; every other difference still fails.
    [System.Text.RegularExpressions.GeneratedRegex(@"^doc\[\d+\](\.items\[\d+\])?\.spec\.(paused|minReadySeconds): missing in actual \(expected (False|0)\)$")]
    private static partial System.Text.RegularExpressions.Regex DroppedZero();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in (string[])["1.22.4", "1.23.0", "1.29.6"])
        {
            var cases = CorpusSettings.Injectable(version).ToList();
            if (cases.Count == 0) data.Add(version, NoCorpus);
            foreach (var c in cases) data.Add(version, c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uninjecting_an_injection_gives_back_the_input(string version, string caseId)
    {
        if (caseId == NoCorpus) Assert.Skip($"../shared/conformance not found: {ConformanceCorpus.SearchedPlaces}");
        if (Excluded.TryGetValue(caseId, out var why)) Assert.Skip(why);
        var c = ConformanceCorpus.Cases(version).Single(x => x.Id == caseId);
        var options = CorpusSettings.For(c, version);
        string input = File.ReadAllText(c.InputPath);

        var injected = new Injector(options).Inject(input, c.InputPath);
        var result = new Uninjector(options).Uninject(injected.Output, c.InputPath);

        // Istio records a rewritten probe's named port as the number it names; that is what comes back.
        var diffs = SemanticComparer.Compare(input, result.Output);
        if (diffs.Count > 0 && SemanticComparer.Compare(NamedProbePorts.Resolve(input, c.InputPath), result.Output) is { Count: 0 }) diffs = [];
        if (diffs.Count > 0 && NativeProxyRelocation.HasNativeSidecar(injected.Output, c.InputPath)
            && SemanticComparer.Compare(NativeProxyRelocation.Apply(input, c.InputPath), result.Output) is { Count: 0 }) diffs = [];
        if (input.Contains("kind: DeploymentConfig", StringComparison.Ordinal)) diffs = [.. diffs.Where(d => !DroppedZero().IsMatch(d))];
        Assert.True(diffs.Count == 0, $"{caseId}: uninject(inject(x)) differs from x:\n{SemanticComparer.Format(diffs)}\n--- output:\n{result.Output}");
        Assert.Equal(injected.Workloads.Select(w => w.Injected), result.Workloads.Select(w => w.Uninjected));
    }
}

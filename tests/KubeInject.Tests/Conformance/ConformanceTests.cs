using KubeInject.Diagnostics;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// Runs Istio's own kube-inject golden cases (the shared conformance corpus) through the library and
/// compares with compare.py's rules, for every bundled version (a new version folder adds its cases).
/// </summary>
public sealed class ConformanceTests
{
    /// <summary>Placeholder case id used when the corpus is missing, so a clone without shared/ still passes.</summary>
    private const string NoCorpus = "(shared conformance corpus not found)";

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var version in Injector.BundledIstioVersions)
            {
                var cases = ConformanceCorpus.Cases(version);
                if (cases.Count == 0) data.Add(version, NoCorpus);
                foreach (var c in cases) data.Add(version, c.Id);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Injected_output_matches_istio_golden(string version, string caseId)
    {
        var c = Find(version, caseId);
        if (c.SkipReason is { } reason) Assert.Skip(reason);
        var options = new InjectionOptions
        {
            IstioVersion = version,
            ValuesText = File.ReadAllText(c.ValuesPath),
            ValuesName = c.ValuesPath,
            MeshConfigText = c.MeshText(),
            MeshConfigName = c.MeshPath,
            InjectorConfigText = File.ReadAllText(c.InjectorConfigPath),
            InjectorConfigName = c.InjectorConfigPath,
            NativeSidecars = c.NativeSidecar ? NativeSidecarMode.Enabled : NativeSidecarMode.Disabled,
            Environment = c.Environment(),
            // The goldens are istioctl's output, and istioctl merges over an already injected pod (merge-probers);
            // KubeInject replaces the old sidecar by default (README "Re-injection"). Pristine inputs are unaffected.
            Reinjection = ReinjectionMode.IstioMerge,
        };
        string input = File.ReadAllText(c.InputPath);

        if (c.ExpectedError is { } wanted)
        {
            // Settings errors may surface in the constructor, manifest errors in Inject; both count.
            var error = Assert.Throws<KubeInjectException>(() => new Injector(options).Inject(input, c.InputPath));
            Assert.Contains(wanted, error.ToString(), StringComparison.OrdinalIgnoreCase);
            return;
        }

        var injector = new Injector(options);
        var result = injector.Inject(input, c.InputPath);
        var diffs = SemanticComparer.Compare(File.ReadAllText(c.ExpectedPath!), result.Output);
        Assert.True(diffs.Count == 0, $"{c.Id}: {diffs.Count} difference(s) from the golden:\n{SemanticComparer.Format(diffs)}");

        if (c.ExpectedLog is { } log)
        {
            // kube-inject prints skip messages and warnings to stderr; any of ours may carry the text.
            var messages = result.Workloads.Select(w => w.SkipMessage).OfType<string>()
                .Concat(result.Workloads.SelectMany(w => w.Warnings))
                .Concat(result.Warnings).Concat(injector.Warnings).ToList();
            Assert.True(messages.Any(m => m.Contains(log, StringComparison.Ordinal)),
                $"{c.Id}: no warning contains '{log}'. Got:\n{string.Join("\n", messages)}");
        }
    }

    [Theory]
    [MemberData(nameof(Versions.BundledVersions.All), MemberType = typeof(Versions.BundledVersions))]
    public void Every_case_has_its_input_expected_and_settings_files(string version)
    {
        var cases = ConformanceCorpus.Cases(version);
        if (cases.Count == 0) Assert.Skip(MissingMessage(version));
        var missing = cases
            .SelectMany(c => new[] { c.InputPath, c.ExpectedPath, c.ValuesPath, c.MeshPath, c.InjectorConfigPath })
            .OfType<string>().Where(p => !File.Exists(p)).ToList();
        Assert.True(missing.Count == 0, "missing corpus files:\n" + string.Join("\n", missing));
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.All(cases.Where(c => c.Expected is null), c => Assert.NotNull(c.ExpectedError));
    }

    private static ConformanceCase Find(string version, string caseId)
    {
        if (caseId == NoCorpus) Assert.Skip(MissingMessage(version));
        return ConformanceCorpus.Cases(version).Single(c => c.Id == caseId);
    }

    private static string MissingMessage(string version) => ConformanceCorpus.Folder is null
        ? $"../shared/conformance not found: searched {ConformanceCorpus.SearchedPlaces}"
        : $"../shared/conformance has no istio-{version}/cases.yaml ({ConformanceCorpus.Folder})";
}

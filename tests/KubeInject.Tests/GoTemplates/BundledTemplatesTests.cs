using KubeInject.Versions;
using KubeInject.GoTemplates;
using KubeInject.Settings;
using KubeInject.Tests.Conformance;
using KubeInject.Yaml;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// The bundled templates are Istio's Go files, and rendering them (no --injector-config) reproduces Istio's goldens:
/// every injectable corpus case of every bundled version runs with its values and mesh but the bundled templates.
/// </summary>
public sealed class BundledTemplatesTests
{
    private const string NoCorpus = "(shared conformance corpus not found)";

    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var p in IstioVersions.Bundled.All) data.Add(p.Version);
        return data;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in IstioVersions.Bundled.All)
        {
            var cases = ConformanceCorpus.Cases(p.Version);
            if (cases.Count == 0) data.Add(p.Version, NoCorpus);
            foreach (var c in cases.Where(c => c.ExpectedError is null && c.SkipReason is null && !c.CustomGoTemplate)) data.Add(p.Version, c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_version_bundles_istios_four_injection_templates_verbatim(string version)
    {
        var profile = IstioVersions.Bundled.Resolve(version);
        var reference = ConformanceCorpus.Folder is { } corpus ? Path.Combine(corpus, "..", "reference", $"istio-{version}") : null;
        foreach (var (name, file) in BundledGoTemplates.Files)
        {
            var text = profile.ReadFile(file);
            Assert.NotNull(text);
            Assert.NotNull(BundledGoTemplates.Of(profile)[name]);
            if (reference is not null && File.Exists(Path.Combine(reference, file)))
                Assert.Equal(File.ReadAllText(Path.Combine(reference, file)), text);
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_corpus_injector_config_holds_the_bundled_stock_templates(string version)
    {
        var cases = ConformanceCorpus.Cases(version);
        if (cases.Count == 0) Assert.Skip(NoCorpus);
        var profile = IstioVersions.Bundled.Resolve(version);
        var config = InjectorConfigFile.ReadTemplates(File.ReadAllText(cases.First(c => c.Settings == "default").InjectorConfigPath));
        foreach (var (name, file) in BundledGoTemplates.Files)
            Assert.Equal(profile.ReadFile(file), config[name]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bundled_go_templates_render_istios_golden(string version, string caseId)
    {
        if (caseId == NoCorpus) Assert.Skip(NoCorpus);
        var c = ConformanceCorpus.Cases(version).Single(x => x.Id == caseId);
        // Cases whose cluster carries other stock templates than the release's are the injector-config tests' business.
        var config = InjectorConfigFile.ReadTemplates(File.ReadAllText(c.InjectorConfigPath));
        var profile = IstioVersions.Bundled.Resolve(version);
        foreach (var (name, file) in BundledGoTemplates.Files)
            if (config.TryGetValue(name, out var text) && text != profile.ReadFile(file)) Assert.Skip($"{caseId}: the case's {name} template is not the stock one");
        var options = new InjectionOptions
        {
            IstioVersion = version,
            ValuesText = File.ReadAllText(c.ValuesPath),
            ValuesName = c.ValuesPath,
            MeshConfigText = c.MeshText(),
            MeshConfigName = c.MeshPath,
            NativeSidecars = c.NativeSidecar ? NativeSidecarMode.Enabled : NativeSidecarMode.Disabled,
            Environment = c.Environment(),
            Reinjection = ReinjectionMode.IstioMerge,
        };
        var result = new Injector(options).Inject(File.ReadAllText(c.InputPath), c.InputPath);
        var diffs = SemanticComparer.Compare(File.ReadAllText(c.ExpectedPath!), result.Output);
        Assert.True(diffs.Count == 0, $"{c.Id}: {diffs.Count} difference(s) from the golden:\n{SemanticComparer.Format(diffs)}");
    }
}

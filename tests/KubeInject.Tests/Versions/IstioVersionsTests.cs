using KubeInject.Diagnostics;
using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

public class IstioVersionsTests
{
    [Theory]
    [MemberData(nameof(BundledVersions.All), MemberType = typeof(BundledVersions))]
    public void Every_spelling_of_a_bundled_version_resolves_to_it(string version)
    {
        var profile = IstioVersions.Bundled.FindExact(version)!;
        Assert.Same(profile, IstioVersions.Bundled.Resolve(version));
        Assert.Same(profile, IstioVersions.Bundled.Resolve("v" + version));
        Assert.Same(profile, IstioVersions.Bundled.Resolve($" {version} "));
        // One patch per minor release is bundled, so the minor version names it too.
        Assert.Same(profile, IstioVersions.Bundled.Resolve(version[..version.LastIndexOf('.')]));
        Assert.Equal("istio-" + version[..version.LastIndexOf('.')], profile.TemplateFolder);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_version_means_the_newest_bundled(string? version) =>
        Assert.Same(IstioVersions.Bundled.All[^1], IstioVersions.Bundled.Resolve(version));

    [Fact]
    public void Versions_are_listed_oldest_first_by_number_not_text()
    {
        var versions = IstioVersions.Bundled.All.Select(p => Version.Parse(p.Version)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(Injector.BundledIstioVersions, IstioVersions.Bundled.All.Select(p => p.Version));
    }

    [Fact]
    public void The_bundled_versions_are_the_template_folders()
    {
        var templates = Path.Combine(Cli.CliSandbox.RepoRoot(), "templates");
        var folders = Directory.EnumerateDirectories(templates, "istio-*").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(folders, IstioVersions.Bundled.All.Select(p => p.TemplateFolder).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1.22")]
    [InlineData("1.23")]
    public void The_1_22_and_1_23_profiles_have_the_1_23_behaviour(string version)
    {
        var p = IstioVersions.Bundled.Resolve(version);
        Assert.False(p.StrictInjectValue);
        Assert.False(p.AddProbersToInjectedPods);
        Assert.False(p.RewriteLifecycleHooks);
        Assert.True(p.ValidateEnableCoreDump);
        Assert.False(p.ValidateResourceAnnotations);
        Assert.False(p.NativeSidecarAnnotation);
        Assert.False(p.NativeSidecarsEnvIsMode);
        Assert.False(p.MultusNamespaceMatching);
        Assert.True(p.ZeroResourceFieldRefDivisor);
    }

    [Theory]
    [InlineData("1.28", true)]   // Kubernetes libraries before 0.31 write the zero divisor
    [InlineData("1.29", false)]
    [InlineData("1.30", false)]
    public void The_1_28_to_1_30_profiles_turn_every_1_29_switch(string version, bool zeroDivisor)
    {
        var p = IstioVersions.Bundled.Resolve(version);
        Assert.True(p.StrictInjectValue);
        Assert.True(p.AddProbersToInjectedPods);
        Assert.True(p.RewriteLifecycleHooks);
        Assert.False(p.ValidateEnableCoreDump);
        Assert.True(p.ValidateResourceAnnotations);
        Assert.True(p.NativeSidecarAnnotation);
        Assert.True(p.NativeSidecarsEnvIsMode);
        Assert.True(p.MultusNamespaceMatching);
        Assert.Equal(zeroDivisor, p.ZeroResourceFieldRefDivisor);
    }

    [Theory]
    [MemberData(nameof(BundledVersions.StockTemplates), MemberType = typeof(BundledVersions))]
    public void Stock_template_hashes_are_those_of_the_bundled_go_templates(string version, string name, string file)
    {
        var profile = IstioVersions.Bundled.Resolve(version);
        var text = profile.ReadFile(file);
        Assert.NotNull(text);
        Assert.True(profile.IsStockTemplate(name, text), $"{profile.FileName("profile.yaml")}: stockTemplateSha256.{name} is not the hash of {file}");
        Assert.False(profile.IsStockTemplate(name, text + "\n"));
    }

    [Theory]
    [MemberData(nameof(BundledVersions.StockTemplates), MemberType = typeof(BundledVersions))]
    public void Stock_template_hashes_match_istio_s_reference_files(string version, string name, string file)
    {
        var reference = Conformance.ConformanceCorpus.SharedFolder() is { } corpus
            ? Path.Combine(corpus, "..", "reference", $"istio-{version}", file)
            : null;
        if (reference is null || !File.Exists(reference)) Assert.Skip($"../shared/reference/istio-{version}/{file} not found");
        Assert.True(IstioVersions.Bundled.Resolve(version).IsStockTemplate(name, File.ReadAllText(reference)));
    }

    [Theory]
    [InlineData("1.99")]
    [InlineData("1.23.1")]
    [InlineData("latest")]
    public void Unknown_version_is_a_usage_error_listing_bundled_versions(string version)
    {
        var e = Assert.Throws<KubeInjectException>(() => IstioVersions.Bundled.Resolve(version));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"unsupported Istio version '{version}'; bundled versions: {string.Join(", ", Injector.BundledIstioVersions)}", e.Message);
    }

    [Theory]
    [MemberData(nameof(BundledVersions.All), MemberType = typeof(BundledVersions))]
    public void A_later_patch_that_is_not_bundled_follows_its_minor_s_profile(string version)
    {
        var profile = IstioVersions.Bundled.FindExact(version)!;
        var numbers = Version.Parse(version);
        Assert.Same(profile, IstioVersions.Bundled.FallbackFor($"{numbers.Major}.{numbers.Minor}.{numbers.Build + 99}"));
    }

    [Fact]
    public void A_version_newer_than_every_profile_follows_the_newest() =>
        Assert.Same(IstioVersions.Bundled.Default, IstioVersions.Bundled.FallbackFor("99.0.0"));

    [Theory]
    [InlineData("0.1.0")]
    [InlineData("one")]
    public void Older_than_every_profile_or_not_a_version_has_no_fallback(string version) =>
        Assert.Null(IstioVersions.Bundled.FallbackFor(version));
}

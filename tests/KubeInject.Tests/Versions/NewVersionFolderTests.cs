using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

/// <summary>
/// Adding a version is adding a folder: a copy of the newest folder given a later version in its profile.yaml and
/// chart values (as a new Istio release's files would be) is picked up, resolved and injected with no C# change.
/// </summary>
public class NewVersionFolderTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hello
        spec:
          containers:
          - name: hello
            image: hello:1.0
        """;

    // A minor release after the newest bundled one, e.g. 1.31.0 after 1.30.3.
    private static readonly Version Newest = Version.Parse(IstioVersions.Bundled.Default.Version);
    private static readonly string Next = $"{Newest.Major}.{Newest.Minor + 1}.0";
    private static readonly string NextFolder = $"istio-{Newest.Major}.{Newest.Minor + 1}";

    private static IstioVersions WithNextVersion()
    {
        var newest = IstioVersions.Bundled.Default;
        var files = ExtraVersionFiles.CopyOf(newest, (file, text) => file is ProfileYaml.FileName or "values.yaml" ? text.Replace(newest.Version, Next, StringComparison.Ordinal) : text);
        return new IstioVersions(new ExtraVersionFiles(EmbeddedVersionFiles.Instance, new() { [NextFolder] = files }));
    }

    [Fact]
    public void A_new_folder_is_listed_and_becomes_the_default()
    {
        var versions = WithNextVersion();
        Assert.Equal([.. Injector.BundledIstioVersions, Next], versions.All.Select(p => p.Version));
        Assert.Equal(Next, versions.Default.Version);
        Assert.Equal(NextFolder, versions.Resolve(Next[..Next.LastIndexOf('.')]).TemplateFolder);
        // The copy behaves as the folder it was copied from: same switches, same stock templates.
        var copied = versions.Default;
        Assert.Equal(IstioVersions.Bundled.Default with { Version = Next, TemplateFolder = NextFolder, Files = copied.Files, StockTemplateSha256 = copied.StockTemplateSha256 }, copied);
        Assert.Equal(IstioVersions.Bundled.Default.StockTemplateSha256, copied.StockTemplateSha256);
    }

    [Fact]
    public void The_injector_renders_the_new_folder_s_templates_and_values()
    {
        var versions = WithNextVersion();
        var injector = new Injector(new InjectionOptions(), versions);
        Assert.Equal(Next, injector.IstioVersion);
        Assert.Equal($"docker.io/istio/proxyv2:{Next}", injector.Inject(Pod, "pod.yaml").Workloads[0].ProxyImage);
        var explicitly = new Injector(new InjectionOptions { IstioVersion = Next }, versions);
        Assert.Equal(Next, explicitly.IstioVersion);
    }

    [Fact]
    public void The_new_folder_s_own_template_is_the_one_rendered()
    {
        var newest = IstioVersions.Bundled.Default;
        var files = ExtraVersionFiles.CopyOf(newest, (file, text) => file switch
        {
            ProfileYaml.FileName or "values.yaml" => text.Replace(newest.Version, Next, StringComparison.Ordinal),
            "injection-template.yaml" => text.Replace("  annotations: {\n", "  annotations: {\n    new-release: \"yes\",\n", StringComparison.Ordinal),
            _ => text,
        });
        var versions = new IstioVersions(new ExtraVersionFiles(EmbeddedVersionFiles.Instance, new() { [NextFolder] = files }));
        string output = new Injector(new InjectionOptions(), versions).Inject(Pod, "pod.yaml").Output;
        Assert.Contains("new-release:", output);
        Assert.DoesNotContain("new-release", new Injector(new InjectionOptions()).Inject(Pod, "pod.yaml").Output);
    }
}

using KubeInject.Checking;
using KubeInject.Checking.Policies;

namespace KubeInject.Tests.Checking;

/// <summary>
/// The effective peer-authentication mode of a workload. Each expectation is the rule of Istio's documentation
/// (istio.io reference "PeerAuthentication" and concept "Security: Authentication policies"), quoted in the test:
/// the cases are the reference page's own examples where it has one.
/// </summary>
public sealed class PeerAuthenticationTests
{
    private const string Root = "istio-system";
    private static readonly Dictionary<string, string> Finance = new() { ["app"] = "finance" };
    private static readonly Dictionary<string, string> Other = new() { ["app"] = "other" };

    private static string Pa(string ns, string mode, string? app = null, string name = "default", string ports = "", string apiVersion = "security.istio.io/v1") =>
        $"""
        apiVersion: {apiVersion}
        kind: PeerAuthentication
        metadata:
          name: {name}
          namespace: {ns}
        spec:
        {(app is null ? "" : $"  selector:\n    matchLabels:\n      app: {app}\n")}{(mode.Length == 0 ? "" : $"  mtls:\n    mode: {mode}\n")}{ports}
        """;

    private static EffectivePeerAuthentication Resolve(IReadOnlyDictionary<string, string> labels, string ns, params string[] docs) =>
        PeerAuthenticationResolver.Resolve(ManifestSet.Read([new ManifestInput(string.Join("---\n", docs), "pa.yaml")]).Policies, Root, ns, labels);

    [Fact]
    public void Without_any_policy_the_mode_is_permissive() =>
        // "UNSET: Inherit from parent, if has one. Otherwise treated as PERMISSIVE."
        Assert.Equal(MtlsMode.Permissive, Resolve(Finance, "foo").Mode);

    [Fact]
    public void A_policy_in_the_root_namespace_without_selector_is_mesh_wide()
    {
        // "For mesh level, put the policy in root-namespace according to your Istio installation."
        var r = Resolve(Finance, "foo", Pa(Root, "STRICT"));
        Assert.Equal(MtlsMode.Strict, r.Mode);
        Assert.Equal("PeerAuthentication istio-system/default", r.Source!.DisplayName);
    }

    [Fact]
    public void The_v1beta1_api_is_read_too() =>
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", Pa(Root, "STRICT", apiVersion: "security.istio.io/v1beta1")).Mode);

    [Fact]
    public void A_namespace_policy_overrides_the_mesh_policy()
    {
        // Concept page: "namespace-wide policy ... overrides the mesh-wide policy"; reference example 2 (PERMISSIVE namespace).
        Assert.Equal(MtlsMode.Permissive, Resolve(Finance, "foo", Pa(Root, "STRICT"), Pa("foo", "PERMISSIVE")).Mode);
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", Pa(Root, "PERMISSIVE"), Pa("foo", "STRICT")).Mode);
    }

    [Fact]
    public void A_policy_of_another_namespace_does_not_apply() =>
        Assert.Equal(MtlsMode.Permissive, Resolve(Finance, "bar", Pa("foo", "STRICT")).Mode);

    [Fact]
    public void A_workload_policy_overrides_the_namespace_policy_for_the_workloads_it_selects()
    {
        // Reference example: namespace foo PERMISSIVE, but "require mTLS for workload finance".
        string[] docs = [Pa("foo", "PERMISSIVE"), Pa("foo", "STRICT", app: "finance", name: "finance")];
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", docs).Mode);
        Assert.Equal(MtlsMode.Permissive, Resolve(Other, "foo", docs).Mode);
    }

    [Fact]
    public void Unset_inherits_from_the_level_above()
    {
        // "UNSET: Inherit from parent": the namespace policy's UNSET keeps the mesh's STRICT; a workload UNSET keeps the namespace's DISABLE.
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", Pa(Root, "STRICT"), Pa("foo", "UNSET")).Mode);
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", Pa(Root, "STRICT"), Pa("foo", "")).Mode);
        Assert.Equal(MtlsMode.Disable, Resolve(Finance, "foo", Pa(Root, "STRICT"), Pa("foo", "DISABLE"), Pa("foo", "UNSET", app: "finance", name: "f")).Mode);
    }

    [Fact]
    public void Port_level_mtls_overrides_the_workload_mode_for_its_port()
    {
        // Reference example: "strict mTLS for all finance workloads, but leaves the port 8080 to plaintext".
        var r = Resolve(Finance, "foo", Pa("foo", "STRICT", app: "finance", ports: "  portLevelMtls:\n    8080:\n      mode: DISABLE\n"));
        Assert.Equal(MtlsMode.Strict, r.Mode);
        Assert.Equal(MtlsMode.Disable, r.PerPort[8080]);
    }

    [Fact]
    public void A_workload_policy_with_unset_mode_inherits_and_overrides_one_port()
    {
        // Reference example: "inherit mTLS mode from namespace (or mesh) settings, and disable mTLS for workload port 8080".
        var r = Resolve(Finance, "foo", Pa(Root, "STRICT"), Pa("foo", "UNSET", app: "finance", name: "f", ports: "  portLevelMtls:\n    8080:\n      mode: DISABLE\n    9090:\n      mode: UNSET\n"));
        Assert.Equal(MtlsMode.Strict, r.Mode);
        Assert.Equal(MtlsMode.Disable, r.PerPort[8080]);
        Assert.Equal(MtlsMode.Strict, r.PerPort[9090]); // a port's UNSET takes the workload's resolved mode
        Assert.True(r.AnyStrict);
    }

    [Fact]
    public void A_strict_port_makes_a_permissive_workload_refuse_plain_text_there()
    {
        var r = Resolve(Finance, "foo", Pa("foo", "", app: "finance", ports: "  portLevelMtls:\n    8080:\n      mode: STRICT\n"));
        Assert.Equal(MtlsMode.Permissive, r.Mode);
        Assert.Equal([8080], r.StrictPorts);
        Assert.Null(r.Source); // the mode is Istio's default
        Assert.Equal("PeerAuthentication foo/default", r.StrictSource!.DisplayName);
        Assert.True(r.AnyStrict);
    }

    [Fact]
    public void Port_level_mtls_of_a_namespace_policy_does_not_count()
    {
        // Port-level settings are per workload (the reference's examples all carry a selector; Istio composes them from the workload policy only).
        var r = Resolve(Finance, "foo", Pa("foo", "PERMISSIVE", ports: "  portLevelMtls:\n    8080:\n      mode: STRICT\n"));
        Assert.Empty(r.PerPort);
        Assert.False(r.AnyStrict);
    }

    [Fact]
    public void A_selector_in_the_root_namespace_is_ignored() =>
        // "Note: PeerAuthentication policies with workload selectors are ignored when deployed in the root namespace."
        Assert.Equal(MtlsMode.Permissive, Resolve(Finance, "foo", Pa(Root, "STRICT", app: "finance")).Mode);

    [Fact]
    public void Of_several_policies_of_one_level_the_first_stands_for_the_oldest()
    {
        // Concept page: "If there are more than one mesh-wide [namespace-wide, workload] policies, Istio applies the oldest one."
        Assert.Equal(MtlsMode.Disable, Resolve(Finance, "foo", Pa("foo", "DISABLE", name: "a"), Pa("foo", "STRICT", name: "b")).Mode);
        Assert.Equal(MtlsMode.Strict, Resolve(Finance, "foo", Pa(Root, "STRICT", name: "a"), Pa(Root, "DISABLE", name: "b")).Mode);
    }

    [Fact]
    public void An_empty_match_labels_makes_the_policy_namespace_wide() =>
        Assert.Equal(MtlsMode.Strict, Resolve(Other, "foo", "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x, namespace: foo}\nspec:\n  selector:\n    matchLabels: {}\n  mtls: {mode: STRICT}\n").Mode);
}

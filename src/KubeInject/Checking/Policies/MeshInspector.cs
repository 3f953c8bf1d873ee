using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Checking.FindingSeverity;

namespace KubeInject.Checking.Policies;

/// <summary>
/// The findings that need the whole mesh of the inputs: what a workload without a sidecar breaks (STRICT mutual
/// TLS of the workloads it may call) and which selector-based policies nothing enforces. Each rule is one method.
/// </summary>
internal sealed class MeshInspector
{
    private const int ListedNames = 3;
    private static readonly HashSet<string> RestartableKinds = ["Deployment", "DaemonSet", "StatefulSet"];

    private readonly ClusterModel _cluster;
    private readonly List<IstioPolicy> _policies;
    private readonly List<Member> _members;

    /// <summary>A workload as the mesh sees it: its check, pod labels and the peer authentication its sidecar would enforce.</summary>
    private sealed record Member(Workload Workload, WorkloadCheck Check, IReadOnlyDictionary<string, string> PodLabels, EffectivePeerAuthentication Peer)
    {
        public bool Proxied => Check.HasSidecar || Check.WouldInject;
    }

    private MeshInspector(ManifestSet manifests, ClusterModel cluster, IReadOnlyList<WorkloadCheck> checks)
    {
        _cluster = cluster;
        _policies = manifests.Policies;
        _members = manifests.Workloads.Zip(checks, (w, c) =>
        {
            var labels = YNodeReading.StringMap(w.PodMetadata?["labels"]);
            return new Member(w, c, labels, PeerAuthenticationResolver.Resolve(_policies, cluster.RootNamespace, c.Namespace, labels));
        }).ToList();
    }

    /// <summary>Adds the mesh findings to the workloads' checks, and checks each policy.</summary>
    public static (IReadOnlyList<WorkloadCheck> Workloads, IReadOnlyList<PolicyCheck> Policies) Inspect(ManifestSet manifests, ClusterModel cluster, IReadOnlyList<WorkloadCheck> checks)
    {
        var mesh = new MeshInspector(manifests, cluster, checks);
        var workloads = mesh._members.Select(m => m.Check with
        {
            Findings = [.. m.Check.Findings, .. mesh.PlainTextClientOfStrictMtls(m)],
            PeerAuthentication = m.Proxied ? PeerAuthenticationOf(m.Peer) : null,
        }).ToList();
        var policies = mesh._policies.Select(mesh.CheckPolicy).ToList();
        return (workloads, policies);
    }

    private static PeerAuthenticationCheck PeerAuthenticationOf(EffectivePeerAuthentication peer) =>
        new(peer.Mode.Name(), peer.PerPort.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value.Name()), peer.Source?.DisplayName);

    /// <summary>
    /// A workload without a sidecar sends plain text; a sidecar whose peer authentication is STRICT (for the workload or
    /// a port) refuses it. Every workload of the inputs may call every other, as in a mesh without AuthorizationPolicies,
    /// except the infrastructure that runs outside the mesh by design: the namespaces Istio never injects (kube-system,
    /// …) and the mesh root namespace (istiod).
    /// </summary>
    private IEnumerable<Finding> PlainTextClientOfStrictMtls(Member client)
    {
        if (client.Proxied) yield break;
        if (client.Check.Namespace == _cluster.RootNamespace || Decision.InjectionDecider.IgnoredNamespaces.Contains(client.Check.Namespace)) yield break;
        var targets = _members.Where(t => t.Proxied && t.Peer.AnyStrict).ToList();
        if (targets.Count == 0) yield break;
        var c = client.Check;
        var names = targets.Select(t => Target(t, c.Namespace)).ToList();
        string listed = string.Join(", ", names.Take(ListedNames)) + (names.Count > ListedNames ? $", … ({names.Count} in all)" : "");
        var sources = targets.Select(t => t.Peer.StrictSource?.DisplayName ?? "portLevelMtls").Distinct().ToList();
        yield return new Finding(FindingCodes.PlainTextClientOfStrictMtls, Error,
            $"calls from {c.Name} to STRICT workloads ({listed}) will be refused: no sidecar to originate mutual TLS (STRICT from {string.Join(", ", sources)})",
            ClientFix(client),
            c.Location);
    }

    private static string Target(Member t, string clientNamespace)
    {
        string name = t.Check.Namespace == clientNamespace ? t.Check.Name : $"{t.Check.Namespace}/{t.Check.Name}";
        return t.Peer.Mode == MtlsMode.Strict ? name : $"{name} port {string.Join("/", t.Peer.StrictPorts)}";
    }

    private string ClientFix(Member client)
    {
        var c = client.Check;
        var codes = c.Findings.Select(f => f.Code).ToHashSet();
        const string permissive = "set mtls.mode PERMISSIVE (a PeerAuthentication) on the workloads it calls";
        if (codes.Contains(FindingCodes.HostNetwork))
            return $"{c.Name} cannot get a sidecar (hostNetwork: true): {permissive}.";
        if (codes.Contains(FindingCodes.InjectionDisabled))
            return $"Lift {c.Name}'s opt-out of injection (see {FindingCodes.InjectionDisabled}) and restart {c.Name} ({Restart(client)}), or {permissive}.";
        return $"Inject {c.Name}: {InjectionRemedy(client)}; or {permissive}.";
    }

    private string InjectionRemedy(Member m)
    {
        var c = m.Check;
        if (_cluster.WebhooksFromInput)
            return $"label namespace {c.Namespace} or its pod template so that the input's injection webhook selects it and restart {c.Name} ({Restart(m)}), or pre-inject it with kube-inject -i -f {c.Location.File}";
        string rev = _cluster.RevisionLabelValue;
        string nsLabel = rev == "default" ? "istio-injection=enabled" : $"istio.io/rev={rev}";
        string podLabel = rev == "default" ? "sidecar.istio.io/inject: \"true\"" : $"istio.io/rev: \"{rev}\"";
        return $"run kubectl label namespace {c.Namespace} {nsLabel} and restart {c.Name} ({Restart(m)}), or label its pod template {podLabel}";
    }

    private static string Restart(Member m) => RestartableKinds.Contains(m.Check.Kind)
        ? $"kubectl rollout restart {m.Check.Kind.ToLowerInvariant()}/{m.Check.Name} -n {m.Check.Namespace}"
        : "re-create its pods";

    private PolicyCheck CheckPolicy(IstioPolicy policy)
    {
        var selected = _members.Where(m => AppliesTo(policy, m)).ToList();
        var findings = new List<Finding>();
        IgnoredRootSelector(policy, findings);
        if (findings.Count == 0)
        {
            NoMatchingWorkloads(policy, selected, findings);
            NotEnforced(policy, selected, findings);
        }
        return new PolicyCheck(policy.Kind, policy.Name, policy.Namespace, policy.Location, [.. selected.Select(m => m.Check.DisplayName)], findings);
    }

    /// <summary>
    /// The kinds whose workload selector, in the root namespace, matches workloads of every namespace (their reference
    /// docs: "If the authorization policy is in the root namespace, the selector will additionally match with workloads
    /// in all namespaces"; an EnvoyFilter in the root namespace "will be applied to all applicable workloads in any
    /// namespace"). Elsewhere, and for the other kinds, the selector's "scope of label search is restricted to the
    /// configuration namespace" (WorkloadSelector); a PeerAuthentication's selector in the root namespace is ignored.
    /// </summary>
    private static readonly HashSet<string> MeshWideSelectorKinds = ["AuthorizationPolicy", "RequestAuthentication", "EnvoyFilter"];

    /// <summary>
    /// Which workloads of the inputs a policy configures: by selector (see <see cref="MeshWideSelectorKinds"/>), or,
    /// without one, all of its namespace (of the mesh from the root namespace). Policies attached by targetRefs
    /// configure gateways and waypoints.
    /// </summary>
    private bool AppliesTo(IstioPolicy policy, Member m)
    {
        if (policy.HasTargetRefs) return false;
        bool root = policy.Namespace == _cluster.RootNamespace;
        if (!policy.IsWorkloadScoped) return root || m.Check.Namespace == policy.Namespace;
        if (root && policy.Kind == PeerAuthenticationResolver.Kind) return false;
        bool inScope = m.Check.Namespace == policy.Namespace || root && MeshWideSelectorKinds.Contains(policy.Kind);
        return inScope && policy.Selects(m.PodLabels);
    }

    /// <summary>Istio ignores a PeerAuthentication with a workload selector in the root namespace (its reference docs say so).</summary>
    private void IgnoredRootSelector(IstioPolicy policy, List<Finding> findings)
    {
        if (policy.Kind != PeerAuthenticationResolver.Kind || !policy.IsWorkloadScoped || policy.Namespace != _cluster.RootNamespace) return;
        findings.Add(new Finding(FindingCodes.PolicyNotEnforced, Warning,
            $"has no effect: Istio ignores a PeerAuthentication with a workload selector in the root namespace \"{_cluster.RootNamespace}\"",
            "Move it to the namespace of the workloads it selects, or drop the selector to make it mesh-wide.",
            policy.Location));
    }

    private static void NoMatchingWorkloads(IstioPolicy policy, List<Member> selected, List<Finding> findings)
    {
        if (!policy.IsWorkloadScoped || policy.HasTargetRefs || selected.Count > 0) return;
        findings.Add(new Finding(FindingCodes.NoMatchingWorkloads, Info,
            $"no matching workloads in the inputs for this resource with the following labels: {policy.SelectorText}",
            "Nothing to do if the workloads it selects are deployed from other manifests; otherwise fix the selector or the pod templates' labels.",
            policy.Location));
    }

    private void NotEnforced(IstioPolicy policy, List<Member> selected, List<Finding> findings)
    {
        if (!policy.IsWorkloadScoped || selected.Count == 0 || selected.Any(m => m.Proxied)) return;
        var names = selected.Select(m => m.Check.Name).Distinct().ToList();
        string listed = string.Join(", ", names.Take(ListedNames)) + (names.Count > ListedNames ? $", … ({names.Count} in all)" : "");
        var first = selected[0];
        findings.Add(new Finding(FindingCodes.PolicyNotEnforced, Warning,
            $"selects only workloads that will run without a sidecar ({listed}), so it has no effect: nothing enforces it",
            names.Count == 1
                ? $"Inject {first.Check.Name}: {InjectionRemedy(first)}; or delete the policy."
                : $"Inject them (as for {first.Check.Name}: {InjectionRemedy(first)}); or delete the policy.",
            policy.Location));
    }
}

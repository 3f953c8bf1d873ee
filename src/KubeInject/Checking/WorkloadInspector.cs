using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Pod;
using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Checking.FindingSeverity;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Checking;

/// <summary>
/// Decides what the cluster would do with one workload (webhook selectors, then the injector's own checks) and
/// compares it with the manifest. Each rule is one method that adds at most a few findings.
/// </summary>
internal sealed class WorkloadInspector
{
    private const int ProxyUid = 1337;
    private static readonly HashSet<string> IstioContainers = ["istio-proxy", "istio-init", "istio-validation"];
    private static readonly HashSet<string> RestartableKinds = ["Deployment", "DaemonSet", "StatefulSet"];

    private readonly Workload _workload;
    private readonly ClusterModel _cluster;
    private readonly CheckOptions _options;
    private readonly string _namespace;
    private readonly string _name;
    private readonly YMapping? _podMeta;
    private readonly YMapping? _podSpec;
    private readonly IReadOnlyDictionary<string, string> _nsLabels;
    private readonly SourceLocation? _nsDeclared;
    private readonly bool _selected;
    private readonly InjectionDecision _decision;
    private readonly Sidecar? _sidecar;
    private readonly List<Finding> _findings = [];
    private bool _optedOut;

    private WorkloadInspector(Workload workload, ClusterModel cluster, CheckOptions options)
    {
        _workload = workload;
        _cluster = cluster;
        _options = options;
        _namespace = workload.Namespace.Length > 0 ? workload.Namespace : options.DefaultNamespace;
        _name = workload.Name.Length > 0 ? workload.Name : WorkloadIdentity.Of(workload).Name;
        _podMeta = Navigate(workload.Root, [.. workload.KindInfo.TemplatePath, "metadata"]) as YMapping;
        _podSpec = workload.PodSpec;
        (_nsLabels, _nsDeclared) = cluster.Namespace(_namespace);
        var podLabels = YNodeReading.StringMap(_podMeta?["labels"]);
        _selected = cluster.Webhooks.Any(h => h.Selects(_nsLabels, podLabels));
        _decision = InjectionDecider.Decide(_podMeta, _podSpec, _namespace, cluster.Profile.StrictInjectValue, cluster.Policy);
        _sidecar = Sidecar.Find(_podSpec);
    }

    private bool WouldInject => _selected && _decision.Inject;

    private string Display => $"{_workload.Kind} {_namespace}/{_name}";

    private string File => _workload.Location.File;

    /// <summary>Checks one workload.</summary>
    public static WorkloadCheck Inspect(Workload workload, ClusterModel cluster, CheckOptions options)
    {
        var i = new WorkloadInspector(workload, cluster, options);
        i.MultipleNamespaceLabels();
        i.MisplacedInjectLabel();
        i.DeprecatedAnnotation();
        i.HostNetwork();
        i.OptOut();
        i.NamespaceNotInjected();
        i.SidecarNotInManifest();
        i.ProxyUidInUse();
        i.StaleSidecar();
        i.JobSidecarNotNative();
        return new WorkloadCheck(workload.Kind, i._name, i._namespace, workload.Location, i.WouldInject, i._sidecar is not null, i._sidecar?.Version, i._findings);
    }

    private void MultipleNamespaceLabels()
    {
        if (!_nsLabels.TryGetValue(StockWebhooks.InjectionLabel, out var legacy) || !_nsLabels.TryGetValue(StockWebhooks.RevisionLabel, out var rev)) return;
        Add(FindingCodes.NamespaceMultipleInjectionLabels, Warning, _nsDeclared,
            $"namespace \"{_namespace}\" has both istio-injection={legacy} and istio.io/rev={rev}; the stock webhooks let istio-injection win and ignore the revision label",
            $"Keep one label: kubectl label namespace {_namespace} istio.io/rev- (or istio-injection- to use the revision).");
    }

    private void MisplacedInjectLabel()
    {
        if (_workload.Kind == "Pod" || _workload.Root["metadata"] is not YMapping own) return;
        string target = string.Join('.', _workload.KindInfo.TemplatePath) + ".metadata.labels";
        foreach (var (field, what) in new[] { ("labels", "label"), ("annotations", "annotation") })
        {
            foreach (var key in new[] { StockWebhooks.InjectLabel, StockWebhooks.RevisionLabel })
            {
                if ((own[field] as YMapping)?.Find(key) is not { } entry) continue;
                if (key == StockWebhooks.RevisionLabel && what == "annotation") continue;
                Add(FindingCodes.MisplacedInjectLabel, Warning, At(entry.Key),
                    $"{_workload.Kind} {_name} has the {key}: \"{Text(entry.Value)}\" {what} on its own metadata, which the webhook never sees; only the pod template's labels select pods",
                    $"Move it to {target} (as a label).");
            }
        }
    }

    private void DeprecatedAnnotation()
    {
        if ((_podMeta?["annotations"] as YMapping)?.Find(StockWebhooks.InjectLabel) is not { } entry) return;
        string value = Text(entry.Value);
        bool inert = !_selected && IsTruthy(value) && (_podMeta?["labels"] as YMapping)?.Find(StockWebhooks.InjectLabel) is null;
        Add(FindingCodes.DeprecatedInjectAnnotation, Info, At(entry.Key),
            $"the pod template uses the deprecated annotation sidecar.istio.io/inject: \"{value}\"" +
            (inert ? "; webhooks select pods by the label only, so this annotation cannot opt the pod in" : ""),
            $"Replace it with the label sidecar.istio.io/inject: \"{value}\" under {PodMetadataPath}.labels.");
    }

    private void HostNetwork()
    {
        if (_decision.Reason != SkipReason.HostNetwork) return;
        Add(FindingCodes.HostNetwork, _selected ? Warning : Info, At(_podSpec?.Find("hostNetwork")?.Key),
            $"{Display} uses hostNetwork: true, so injection is impossible: Istio never injects such pods" +
            (_selected ? " although its namespace or labels ask for it" : ""),
            "Remove hostNetwork: true if the pod must join the mesh; otherwise label the pod template sidecar.istio.io/inject: \"false\" to say so.");
    }

    private void OptOut()
    {
        if (_decision.Reason == SkipReason.IgnoredNamespace)
        {
            _optedOut = true;
            Add(FindingCodes.InjectionDisabled, Info, null,
                $"namespace \"{_namespace}\" is one Istio never injects",
                "Deploy the workload to another namespace if it must join the mesh.");
            return;
        }
        if (_decision.Reason == SkipReason.InjectionDisabled)
        {
            _optedOut = true;
            var label = (_podMeta?["labels"] as YMapping)?.Find(StockWebhooks.InjectLabel);
            var entry = label ?? (_podMeta?["annotations"] as YMapping)?.Find(StockWebhooks.InjectLabel);
            string what = label is not null ? "label" : "annotation";
            Add(FindingCodes.InjectionDisabled, Info, At(entry?.Key),
                $"the pod opts out of injection with the sidecar.istio.io/inject {what} \"{Text(entry?.Value)}\"",
                $"Nothing to do if intended; remove the {what} to let the webhook inject the pod.");
            return;
        }
        if (_decision.Reason is { Code: "policy_disabled" or "never_inject_selector" or "invalid_policy" } reason)
        {
            // The injector config's own say (--injector-config), after the pod's label and before the namespace's.
            _optedOut = true;
            Add(FindingCodes.InjectionDisabled, Info, null,
                $"{Display} {reason.Sentence}",
                reason == SkipReason.NeverInjectSelector
                    ? "Nothing to do if intended; label the pod template sidecar.istio.io/inject: \"true\" to inject it anyway, or change neverInjectSelector in the istio-sidecar-injector ConfigMap."
                    : reason == SkipReason.PolicyDisabled
                        ? "Label the pod template sidecar.istio.io/inject: \"true\", or set policy: enabled in the istio-sidecar-injector ConfigMap (chart value global.proxy.autoInject)."
                        : "Set policy to enabled or disabled in the istio-sidecar-injector ConfigMap (chart value global.proxy.autoInject).");
            return;
        }
        if (_decision.Reason is null && _nsLabels.GetValueOrDefault(StockWebhooks.InjectionLabel) == "disabled" && !_cluster.WebhooksFromInput)
        {
            _optedOut = true;
            Add(FindingCodes.InjectionDisabled, Info, _nsDeclared,
                $"namespace \"{_namespace}\" opts out of injection with istio-injection=disabled",
                $"Nothing to do if intended; to inject, run kubectl label namespace {_namespace} istio-injection=enabled --overwrite.");
        }
    }

    private void NamespaceNotInjected()
    {
        if (_selected || _optedOut || _decision.Reason is not null || _sidecar is not null || _options.ExpectInjected) return;
        string rev = _cluster.RevisionLabelValue;
        if (_cluster.WebhooksFromInput)
        {
            Add(FindingCodes.NamespaceNotInjected, Info, _nsDeclared,
                $"no webhook of the input's MutatingWebhookConfiguration selects namespace \"{_namespace}\" and the pod's labels, so {Display} will not be injected",
                $"Label the namespace or the pod template so that one of the webhooks ({string.Join(", ", _cluster.Webhooks.Select(w => w.Name))}) selects it.");
            return;
        }
        if (_nsLabels.TryGetValue(StockWebhooks.InjectionLabel, out var legacy))
        {
            // "disabled" was reported as an opt-out; any other value than "enabled" is a typo the webhook ignores.
            Add(FindingCodes.NamespaceNotInjected, Info, _nsDeclared,
                legacy == "enabled"
                    ? $"namespace \"{_namespace}\" is labelled istio-injection=enabled, which only the default revision's webhook selects, but revision {rev} is checked"
                    : $"namespace \"{_namespace}\" is labelled istio-injection={legacy}, but the webhook only selects istio-injection=enabled",
                legacy == "enabled"
                    ? $"Run kubectl label namespace {_namespace} istio-injection- istio.io/rev={rev} --overwrite, or check against the default revision (no --revision)."
                    : $"Run kubectl label namespace {_namespace} istio-injection=enabled --overwrite.");
            return;
        }
        if (_nsLabels.TryGetValue(StockWebhooks.RevisionLabel, out var other) && other != rev)
        {
            Add(FindingCodes.NamespaceNotInjected, Info, _nsDeclared,
                $"namespace \"{_namespace}\" is labelled istio.io/rev={other}, but the {rev} revision's webhook is checked",
                $"Pass --revision {other} to check against that revision, or run kubectl label namespace {_namespace} istio.io/rev={rev} --overwrite.");
            return;
        }
        string source = _nsDeclared is not null ? "its Namespace document has no injection label"
            : _options.NamespaceLabels.ContainsKey(_namespace) ? "--namespace-labels gives it no injection label"
            : "no Namespace document or --namespace-labels labels it";
        string label = rev == "default" ? "istio-injection=enabled" : $"istio.io/rev={rev}";
        string podLabel = rev == "default" ? "sidecar.istio.io/inject: \"true\"" : $"istio.io/rev: \"{rev}\"";
        Add(FindingCodes.NamespaceNotInjected, Info, _nsDeclared,
            $"namespace \"{_namespace}\" is not enabled for Istio injection ({source})",
            $"Run kubectl label namespace {_namespace} {label} (or pass --namespace-labels {_namespace}={label} if the cluster has it already), or label the pod template {podLabel}.");
    }

    private void SidecarNotInManifest()
    {
        if (_sidecar is not null || _optedOut || _decision.Reason is not null) return;
        if (_options.ExpectInjected)
        {
            Add(FindingCodes.SidecarNotInManifest, Error, null,
                WouldInject
                    ? $"{Display} has no istio-proxy sidecar in the manifest; the webhook would add one at admission, but --expect-injected asks for it in the manifest"
                    : $"{Display} has no istio-proxy sidecar in the manifest, and the webhook will not add one",
                $"Run kube-inject -i -f {File} to add the sidecar to the manifest.");
        }
        else if (WouldInject)
        {
            Add(FindingCodes.SidecarNotInManifest, Info, null,
                $"{Display} has no sidecar in the manifest; the webhook will inject one (Istio {_cluster.IstioVersion}) when its pods are created",
                $"Nothing to do when the cluster injects; to pre-inject for GitOps instead, run kube-inject -i -f {File}.");
        }
    }

    private void ProxyUidInUse()
    {
        if (_sidecar is null && !WouldInject) return;
        var podUid = (_podSpec?["securityContext"] as YMapping)?.Find("runAsUser");
        foreach (var list in new[] { "initContainers", "containers" })
        {
            if (_podSpec?[list] is not YSequence items) continue;
            foreach (var c in items.Items.OfType<YMapping>())
            {
                string name = Text(c["name"]);
                if (IstioContainers.Contains(name)) continue;
                var own = (c["securityContext"] as YMapping)?.Find("runAsUser");
                var uid = own ?? podUid;
                if (uid is null || Text(uid.Value) != ProxyUid.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
                Add(FindingCodes.InvalidApplicationUid, Warning, At(uid.Key),
                    $"container \"{name}\" runs as UID {ProxyUid}{(own is null ? " (from the pod's securityContext)" : "")}, the UID reserved for the Istio proxy: its traffic bypasses the sidecar",
                    $"Run container \"{name}\" as another UID (securityContext.runAsUser).");
            }
        }
    }

    private void StaleSidecar()
    {
        if (_sidecar is null || _sidecar.Version == Sidecar.UnknownVersion || _sidecar.Version == _cluster.IstioVersion) return;
        string target = _cluster.IstioVersion;
        string reinject = $"Re-run kube-inject -i -f {File} --istio-version {target}";
        string restart = RestartableKinds.Contains(_workload.Kind)
            ? $"kubectl rollout restart {_workload.Kind.ToLowerInvariant()}/{_name} -n {_namespace}"
            : "re-create its pods";
        Add(FindingCodes.StaleSidecar, _options.ExpectInjected ? Error : Warning, At(_sidecar.Container.Find("image")?.Value),
            $"stale sidecar: the manifest's istio-proxy is Istio {_sidecar.Version} ({_sidecar.Image}), but the target is Istio {target}",
            WouldInject
                ? $"{reinject}, or, since the cluster injects this workload, restart it so the webhook injects {target} ({restart})."
                : $"{reinject} to refresh the sidecar.");
    }

    private void JobSidecarNotNative()
    {
        if (_workload.Kind is not ("Job" or "CronJob") || _sidecar is null) return;
        // A native sidecar is an init container with restartPolicy: Always; Kubernetes stops it when the job's containers end.
        if (_podSpec?["containers"] is not YSequence containers || !containers.Items.Contains(_sidecar.Container)) return;
        string annotation = _cluster.Profile.NativeSidecarAnnotation
            ? $", or annotate the pod template sidecar.istio.io/nativeSidecar: \"true\" and re-inject"
            : $" (Istio {_cluster.IstioVersion} has no per-pod annotation for it; ENABLE_NATIVE_SIDECARS=true on istiod does the same for the webhook)";
        Add(FindingCodes.JobSidecarNotNative, Warning, At(_sidecar.Container.Find("name")?.Value),
            $"{Display} runs istio-proxy as a regular container, so its pods never complete: the proxy keeps running after the job's containers exit",
            $"Re-inject with native sidecars (Kubernetes 1.28 or later): kube-inject -i -f {File} --native-sidecars true{annotation}.");
    }

    private string PodMetadataPath => _workload.KindInfo.TemplatePath.Length == 0 ? "metadata" : string.Join('.', _workload.KindInfo.TemplatePath) + ".metadata";

    private void Add(string code, FindingSeverity severity, SourceLocation? location, string message, string fix) =>
        _findings.Add(new Finding(code, severity, message, fix, location ?? _workload.Location));

    private SourceLocation? At(YNode? node) =>
        node is { Line: > 0 } ? _workload.Location with { Line = node.Line, Column = node.Column } : null;

    private static bool IsTruthy(string value) => value.ToLowerInvariant() is "y" or "yes" or "true" or "on";

    private static YNode? Navigate(YNode? node, string[] path)
    {
        foreach (var key in path) node = (node as YMapping)?[key];
        return node;
    }

}

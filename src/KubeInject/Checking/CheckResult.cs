namespace KubeInject.Checking;

/// <summary>The outcome of <see cref="InjectionChecker.Check"/>.</summary>
/// <param name="IstioVersion">The target Istio version sidecars were compared with.</param>
/// <param name="Workloads">One entry per workload, in input order.</param>
public sealed record CheckResult(string IstioVersion, IReadOnlyList<WorkloadCheck> Workloads)
{
    /// <summary>One entry per Istio policy resource of the inputs, in input order.</summary>
    public IReadOnlyList<PolicyCheck> Policies { get; init; } = [];

    /// <summary>Every finding of every workload, then of every policy, in order.</summary>
    public IEnumerable<Finding> Findings => Workloads.SelectMany(w => w.Findings).Concat(Policies.SelectMany(p => p.Findings));

    /// <summary>True when some finding is at least <paramref name="threshold"/>.</summary>
    public bool HasFindingsAtOrAbove(FindingSeverity threshold) => Findings.Any(f => f.Severity >= threshold);
}

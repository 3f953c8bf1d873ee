namespace KubeInject;

/// <summary>The outcome of injecting one input text.</summary>
/// <param name="Output">The output text (identical to the input where nothing changed).</param>
/// <param name="Changed">True when the output differs from the input.</param>
/// <param name="Workloads">One report per workload, in input order.</param>
/// <param name="Warnings">Warnings not tied to a workload.</param>
public sealed record InjectionResult(string Output, bool Changed, IReadOnlyList<WorkloadReport> Workloads, IReadOnlyList<string> Warnings);

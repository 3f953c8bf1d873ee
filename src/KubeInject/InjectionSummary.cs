namespace KubeInject;

/// <summary>The outcome of a streamed injection (the text went to the caller's writer).</summary>
/// <param name="Changed">True when the output differs from the input.</param>
/// <param name="Workloads">One report per workload, in input order.</param>
/// <param name="Warnings">Warnings not tied to a workload.</param>
public sealed record InjectionSummary(bool Changed, IReadOnlyList<WorkloadReport> Workloads, IReadOnlyList<string> Warnings);

namespace KubeInject.Decision;

/// <summary>The outcome of the decision stage for one workload.</summary>
/// <param name="Inject">True to inject.</param>
/// <param name="Reason">Why not, when <paramref name="Inject"/> is false.</param>
/// <param name="Warnings">Things worth telling the user even when injecting (e.g. an invalid inject value).</param>
internal sealed record InjectionDecision(bool Inject, SkipReason? Reason, IReadOnlyList<string> Warnings)
{
    internal static InjectionDecision Yes(IReadOnlyList<string>? warnings = null) => new(true, null, warnings ?? []);
    internal static InjectionDecision No(SkipReason reason) => new(false, reason, []);
}

using KubeInject.Diagnostics;

namespace KubeInject.Checking;

/// <summary>One problem (or fact) about a workload's injection, with the fix in one sentence.</summary>
/// <param name="Code">Stable code: Istio's analyzer code where <c>istioctl analyze</c> reports the same condition (<c>IST0102</c>), else <c>KI</c> + number.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong, naming the workload's objects and values.</param>
/// <param name="Fix">What to do about it, in one sentence.</param>
/// <param name="Location">Where in the input (the node at fault, else the workload).</param>
public sealed record Finding(string Code, FindingSeverity Severity, string Message, string Fix, SourceLocation Location);

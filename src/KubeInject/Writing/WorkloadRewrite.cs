using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// The document loop injection and uninjection share: read each document, let <c>edit</c> change each of its
/// workloads in place, write the document (byte-identical when nothing changed) before reading the next.
/// </summary>
internal static class WorkloadRewrite
{
    /// <summary>The whole text rewritten to a string (the library's string-in, string-out entry points).</summary>
    public static InjectionResult ToResult(string text, string fileName, WorkloadKinds kinds, Func<Workload, WorkloadReport> edit, int outputCapacity, IProgress<WorkloadReport>? progress = null)
    {
        var output = new StringWriter(new System.Text.StringBuilder(outputCapacity));
        var summary = Run(new StringReader(text), fileName, output, kinds, edit, progress);
        return new InjectionResult(output.ToString(), summary.Changed, summary.Workloads, summary.Warnings);
    }

    public static InjectionSummary Run(TextReader input, string fileName, TextWriter output, WorkloadKinds kinds, Func<Workload, WorkloadReport> edit, IProgress<WorkloadReport>? progress = null)
    {
        var reports = new List<WorkloadReport>();
        bool changed = false;
        foreach (var document in ManifestReader.Read(input, fileName))
        {
            int first = reports.Count;
            foreach (var workload in WorkloadSelector.Select(document, fileName, kinds))
            {
                var report = edit(workload);
                reports.Add(report);
                progress?.Report(report);
            }
            // A custom resource with a pod template that is not in the table: said, so nobody assumes it was injected.
            foreach (var (obj, podTemplate, location) in WorkloadSelector.Unrecognized(document, fileName, kinds))
                reports.Add(NotAWorkloadKind(obj, podTemplate, location));
            string written = DocumentWriter.ToText(document);
            bool documentChanged = !string.Equals(written, document.Text, StringComparison.Ordinal);
            changed |= documentChanged;
            // Whether a workload changed is known per document (a List's workloads share their document's answer).
            if (documentChanged)
                for (int i = first; i < reports.Count; i++)
                    if (reports[i].Injected || reports[i].Uninjected) reports[i] = reports[i] with { Changed = true };
            output.Write(written);
        }
        return new InjectionSummary(changed, reports, []);
    }

    private static WorkloadReport NotAWorkloadKind(YMapping obj, string podTemplate, Diagnostics.SourceLocation location)
    {
        string S(YNode? n) => n is YScalar s ? s.AsGoString() : "";
        var meta = obj["metadata"] as YMapping;
        string kind = S(obj["kind"]), name = S(meta?["name"]), ns = S(meta?["namespace"]);
        var reason = Decision.SkipReason.NotAWorkloadKind(WorkloadKinds.GroupOf(S(obj["apiVersion"])), kind, podTemplate);
        return new WorkloadReport(kind, ns, name, location, false, reason, null, [],
            $"{kind} \"{(ns.Length > 0 ? ns + "/" : "")}{name}\" {reason.Sentence}");
    }
}

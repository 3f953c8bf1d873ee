using KubeInject.Reading;
using KubeInject.Selection;

namespace KubeInject.Writing;

/// <summary>
/// The document loop injection and uninjection share: read each document, let <c>edit</c> change each of its
/// workloads in place, write the document (byte-identical when nothing changed) before reading the next.
/// </summary>
internal static class WorkloadRewrite
{
    /// <summary>The whole text rewritten to a string (the library's string-in, string-out entry points).</summary>
    public static InjectionResult ToResult(string text, string fileName, Func<Workload, WorkloadReport> edit, int outputCapacity)
    {
        var output = new StringWriter(new System.Text.StringBuilder(outputCapacity));
        var summary = Run(new StringReader(text), fileName, output, edit);
        return new InjectionResult(output.ToString(), summary.Changed, summary.Workloads, summary.Warnings);
    }

    public static InjectionSummary Run(TextReader input, string fileName, TextWriter output, Func<Workload, WorkloadReport> edit)
    {
        var reports = new List<WorkloadReport>();
        bool changed = false;
        foreach (var document in ManifestReader.Read(input, fileName))
        {
            int first = reports.Count;
            foreach (var workload in WorkloadSelector.Select(document, fileName))
                reports.Add(edit(workload));
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
}

using KubeInject.Reading;
using KubeInject.Selection;

namespace KubeInject.Writing;

/// <summary>
/// The document loop injection and uninjection share: read each document, let <c>edit</c> change each of its
/// workloads in place, write the document (byte-identical when nothing changed) before reading the next.
/// </summary>
internal static class WorkloadRewrite
{
    public static InjectionSummary Run(TextReader input, string fileName, TextWriter output, Func<Workload, WorkloadReport> edit)
    {
        var reports = new List<WorkloadReport>();
        bool changed = false;
        foreach (var document in ManifestReader.Read(input, fileName))
        {
            foreach (var workload in WorkloadSelector.Select(document, fileName))
                reports.Add(edit(workload));
            string written = DocumentWriter.ToText(document);
            changed |= !string.Equals(written, document.Text, StringComparison.Ordinal);
            output.Write(written);
        }
        return new InjectionSummary(changed, reports, []);
    }
}

using KubeInject.Reading;
using KubeInject.Selection;

namespace KubeInject.Pipeline;

/// <summary>One document after the pipeline edited its workloads.</summary>
/// <param name="Document">The parsed document (its tree now edited).</param>
/// <param name="Text">The document written back: its source text, byte for byte, when nothing changed.</param>
/// <param name="Changed">True when <paramref name="Text"/> differs from the source text.</param>
/// <param name="Workloads">The selected workloads with what happened to each, in document order.</param>
/// <param name="Reports">Every report of the document: the workloads' and those of objects that look like workloads
/// but are not in the kind table.</param>
internal sealed record EditedDocument(
    ManifestDocument Document,
    string Text,
    bool Changed,
    IReadOnlyList<(Workload Workload, WorkloadReport Report)> Workloads,
    IReadOnlyList<WorkloadReport> Reports);

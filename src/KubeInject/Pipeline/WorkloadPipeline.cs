using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Writing;
using KubeInject.Yaml;

namespace KubeInject.Pipeline;

/// <summary>
/// The one loop every entry point runs (injection, uninjection, patch output, the KRM function): read each
/// document, select its workloads, let <c>edit</c> change each in place (decide → render → merge → post-process, or
/// uninject), write the document — byte-identical when nothing changed — before the caller takes the next one.
/// </summary>
/// <param name="kinds">The workload table.</param>
/// <param name="edit">What to do to one workload, in its own tree.</param>
/// <param name="progress">Told about each workload, in input order, on the caller's thread.</param>
/// <param name="parallelism">Documents edited at once. Documents are independent, so several are edited on worker
/// threads while the caller gets them back in input order; the look-ahead is bounded, so memory stays flat.</param>
internal sealed class WorkloadPipeline(WorkloadKinds kinds, Func<Workload, WorkloadReport> edit, IProgress<WorkloadReport>? progress, int parallelism = 1)
{
    // Documents read ahead per worker: enough to keep both cores busy behind one slow document.
    private const int LookAheadPerWorker = 4;

    /// <summary>The edited documents of a text, in input order; streamed (one document, or a bounded window, at a time).</summary>
    /// <exception cref="KubeInjectException">Bad input; the documents before the failing one have been returned.</exception>
    public IEnumerable<EditedDocument> Run(TextReader input, string fileName)
    {
        var documents = ManifestReader.Read(input, fileName);
        if (parallelism <= 1)
        {
            foreach (var document in documents) yield return Reported(Edit(document, fileName));
            yield break;
        }
        var window = new Queue<Task<EditedDocument>>();
        foreach (var document in documents)
        {
            window.Enqueue(Task.Run(() => Edit(document, fileName)));
            if (window.Count >= parallelism * LookAheadPerWorker) yield return Reported(window.Dequeue().GetAwaiter().GetResult());
        }
        while (window.Count > 0) yield return Reported(window.Dequeue().GetAwaiter().GetResult());
    }

    /// <summary>Edits the workloads of one object that is not a whole document (a KRM ResourceList item).</summary>
    public IReadOnlyList<(Workload Workload, WorkloadReport Report)> EditObject(YMapping obj, int documentIndex, string fileName)
    {
        var edited = new List<(Workload, WorkloadReport)>();
        foreach (var workload in WorkloadSelector.SelectObject(obj, documentIndex, fileName, kinds))
        {
            var report = edit(workload);
            progress?.Report(report);
            edited.Add((workload, report));
        }
        return edited;
    }

    /// <summary>Writes every document to <paramref name="output"/> as it is done.</summary>
    public InjectionSummary WriteAll(TextReader input, string fileName, TextWriter output)
    {
        var reports = new List<WorkloadReport>();
        bool changed = false;
        foreach (var document in Run(input, fileName))
        {
            output.Write(document.Text);
            reports.AddRange(document.Reports);
            changed |= document.Changed;
        }
        return new InjectionSummary(changed, reports, []);
    }

    /// <summary>The whole text edited, as a string (the library's string-in, string-out entry points).</summary>
    public InjectionResult ToResult(string text, string fileName, int outputCapacity)
    {
        var output = new StringWriter(new System.Text.StringBuilder(outputCapacity));
        var summary = WriteAll(new StringReader(text), fileName, output);
        return new InjectionResult(output.ToString(), summary.Changed, summary.Workloads, summary.Warnings);
    }

    private EditedDocument Edit(ManifestDocument document, string fileName)
    {
        var edited = new List<(Workload, WorkloadReport)>();
        foreach (var workload in WorkloadSelector.Select(document, fileName, kinds)) edited.Add((workload, edit(workload)));
        var reports = edited.Select(e => e.Item2).ToList();
        // A custom resource with a pod template that is not in the table: said, so nobody assumes it was injected.
        foreach (var (obj, podTemplate, location) in WorkloadSelector.Unrecognized(document, fileName, kinds))
            reports.Add(SkipReports.NotAWorkloadKind(obj, podTemplate, location));
        string text = DocumentWriter.ToText(document);
        bool changed = !string.Equals(text, document.Text, StringComparison.Ordinal);
        // Whether a workload changed is known per document (a List's workloads share their document's answer).
        if (changed)
        {
            for (int i = 0; i < reports.Count; i++)
                if (reports[i].Injected || reports[i].Uninjected) reports[i] = reports[i] with { Changed = true };
            for (int i = 0; i < edited.Count; i++) edited[i] = (edited[i].Item1, reports[i]);
        }
        return new EditedDocument(document, text, changed, edited, reports);
    }

    // Progress is told in input order on the caller's thread, whatever thread edited the document.
    private EditedDocument Reported(EditedDocument document)
    {
        if (progress is not null)
            foreach (var (_, report) in document.Workloads) progress.Report(report);
        return document;
    }
}

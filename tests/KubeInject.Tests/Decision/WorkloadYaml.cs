using KubeInject.Reading;
using KubeInject.Selection;

namespace KubeInject.Tests.Decision;

/// <summary>Builds <see cref="Workload"/>s from inline YAML through the real reader and selector.</summary>
internal static class WorkloadYaml
{
    public const string FileName = "test.yaml";

    /// <summary>All workloads of every document of <paramref name="yaml"/>, in order.</summary>
    public static List<Workload> All(string yaml) =>
        ManifestReader.Read(yaml, FileName).SelectMany(d => WorkloadSelector.Select(d, FileName)).ToList();

    /// <summary>The single workload of <paramref name="yaml"/>.</summary>
    public static Workload Single(string yaml) => Assert.Single(All(yaml));

    /// <summary>A Deployment whose pod template metadata is <paramref name="templateMetadata"/> (indented YAML under <c>metadata:</c>, 6 spaces).</summary>
    public static string Deployment(string templateMetadata = "      labels:\n        app: web\n", string deploymentMetadata = "  name: web\n", string podSpecExtra = "") =>
        "apiVersion: apps/v1\n" +
        "kind: Deployment\n" +
        "metadata:\n" + deploymentMetadata +
        "spec:\n" +
        "  selector:\n" +
        "    matchLabels:\n" +
        "      app: web\n" +
        "  template:\n" +
        "    metadata:\n" + templateMetadata +
        "    spec:\n" + podSpecExtra +
        "      containers:\n" +
        "      - name: web\n" +
        "        image: nginx\n";

    /// <summary>A Pod whose metadata is <paramref name="metadata"/> (2-space indented lines).</summary>
    public static string Pod(string metadata = "  name: web\n", string specExtra = "") =>
        "apiVersion: v1\n" +
        "kind: Pod\n" +
        "metadata:\n" + metadata +
        "spec:\n" + specExtra +
        "  containers:\n" +
        "  - name: web\n" +
        "    image: nginx\n";
}

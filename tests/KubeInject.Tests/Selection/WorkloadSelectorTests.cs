using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Tests.Decision.WorkloadYaml;

namespace KubeInject.Tests.Selection;

/// <summary>Spec §1.2 (the table of kinds) and §1.3 (List).</summary>
public class WorkloadSelectorTests
{
    private static string Templated(string kind, string apiVersion) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: w-{kind.ToLowerInvariant()}\n  namespace: ns1\nspec:\n  template:\n" +
        "    metadata:\n      labels:\n        marker: template\n" +
        "    spec:\n      containers:\n      - name: app\n        image: nginx\n";

    private static string Name(YNode? n) => ((YScalar)n!).Value;

    [Theory]
    [InlineData("Deployment", "apps/v1")]
    [InlineData("DaemonSet", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1")]
    [InlineData("ReplicaSet", "apps/v1")]
    [InlineData("ReplicationController", "v1")]
    [InlineData("Job", "batch/v1")]
    [InlineData("DeploymentConfig", "apps.openshift.io/v1")]
    [InlineData("Deployment", "extensions/v1beta1")]
    [InlineData("DeploymentConfig", "v1")]
    public void Every_templated_kind_is_selected_with_its_pod_template_at_spec_template(string kind, string apiVersion)
    {
        var w = Single(Templated(kind, apiVersion));
        Assert.Equal(kind, w.Kind);
        Assert.Equal(apiVersion, w.ApiVersion);
        Assert.Equal($"w-{kind.ToLowerInvariant()}", w.Name);
        Assert.Equal("ns1", w.Namespace);
        Assert.Equal("template", Name(((YMapping)w.PodMetadata!["labels"]!)["marker"]));
        Assert.Equal("app", Name(((YMapping)((YSequence)w.PodSpec!["containers"]!)[0])["name"]));
        Assert.Same(((YMapping)((YMapping)w.Root["spec"]!)["template"]!), w.MetadataParent);
    }

    [Fact]
    public void A_pod_is_its_own_template()
    {
        var w = Single(Decision.WorkloadYaml.Pod("  name: p\n  namespace: ns2\n  labels:\n    marker: pod\n"));
        Assert.Equal("Pod", w.Kind);
        Assert.Equal("p", w.Name);
        Assert.Equal("ns2", w.Namespace);
        Assert.Same(w.Root["metadata"], w.PodMetadata);
        Assert.Same(w.Root["spec"], w.PodSpec);
        Assert.Same(w.Root, w.MetadataParent);
    }

    [Fact]
    public void A_cronjob_uses_the_job_template_metadata_and_the_nested_pod_spec()
    {
        var w = Single("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                metadata:
                  labels:
                    marker: job-template
                spec:
                  template:
                    metadata:
                      labels:
                        marker: pod-template
                    spec:
                      containers:
                      - name: task
                        image: busybox
            """);
        Assert.Equal("CronJob", w.Kind);
        Assert.Equal("nightly", w.Name);
        Assert.Equal("job-template", Name(((YMapping)w.PodMetadata!["labels"]!)["marker"]));
        Assert.Equal("task", Name(((YMapping)((YSequence)w.PodSpec!["containers"]!)[0])["name"]));
    }

    [Theory]
    [InlineData("Service", "v1")]
    [InlineData("ConfigMap", "v1")]
    [InlineData("PodTemplate", "v1")]
    [InlineData("DeploymentList", "apps/v1")]
    [InlineData("PodList", "v1")]
    [InlineData("deployment", "apps/v1")]
    [InlineData("MyCustomThing", "example.com/v1")]
    public void Unknown_kinds_are_not_selected_even_with_a_pod_template(string kind, string apiVersion)
    {
        Assert.Empty(All(Templated(kind, apiVersion)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("null\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just a scalar\n")]
    public void Documents_that_are_not_objects_select_nothing(string text)
    {
        Assert.Empty(All(text));
    }

    [Fact]
    public void List_items_are_selected_in_order_and_other_items_are_left_out()
    {
        var ws = All("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: svc
            - apiVersion: v1
              kind: Pod
              metadata:
                name: first
              spec:
                containers:
                - name: a
                  image: nginx
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: second
              spec:
                template:
                  spec:
                    containers:
                    - name: b
                      image: nginx
            """);
        Assert.Equal(["Pod first", "Deployment second"], ws.Select(w => $"{w.Kind} {w.Name}"));
        Assert.Equal([8, 16], ws.Select(w => w.Location.Line));
        Assert.All(ws, w => Assert.Equal(3, w.Location.Column));
    }

    [Fact]
    public void A_nested_list_is_recursed_into()
    {
        var ws = All("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: List
              items:
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: deep
                spec:
                  containers:
                  - name: a
                    image: nginx
            - apiVersion: batch/v1
              kind: Job
              metadata:
                name: shallow
              spec:
                template:
                  spec:
                    containers:
                    - name: j
                      image: busybox
            """);
        Assert.Equal(["Pod deep", "Job shallow"], ws.Select(w => $"{w.Kind} {w.Name}"));
    }

    [Fact]
    public void A_list_without_items_selects_nothing()
    {
        Assert.Empty(All("apiVersion: v1\nkind: List\nmetadata: {}\n"));
    }

    [Fact]
    public void The_location_names_file_document_line_and_column()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n# leading comment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n";
        var w = Single(text);
        Assert.Equal(new SourceLocation(FileName, 1, 7, 1), w.Location);
        Assert.Equal("Deployment d", w.DisplayName);
    }

    [Fact]
    public void A_templated_kind_without_spec_template_is_selected_and_found_incomplete()
    {
        var w = Single("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\nspec:\n  replicas: 1\n");
        Assert.Null(w.PodSpec);
        Assert.Equal("no spec.template.spec", KubeInject.Decision.IncompleteWorkload.Why(w));
    }

    [Fact]
    public void A_deployment_whose_template_has_no_metadata_is_still_selected()
    {
        var w = Single("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n");
        Assert.Null(w.PodMetadata);
        Assert.NotNull(w.PodSpec);
        Assert.NotNull(w.MetadataParent);
    }

    [Fact]
    public void Workloads_without_name_or_namespace_get_empty_strings()
    {
        var w = Single("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n");
        Assert.Equal("", w.Name);
        Assert.Equal("", w.Namespace);
    }

    [Fact]
    public void Every_document_of_a_stream_is_selected_with_its_own_index()
    {
        var ws = All(Decision.WorkloadYaml.Pod("  name: a\n") + "---\n" + Deployment() + "---\n" + Decision.WorkloadYaml.Pod("  name: c\n"));
        Assert.Equal([0, 1, 2], ws.Select(w => w.Location.Document));
        Assert.Equal(["a", "web", "c"], ws.Select(w => w.Name));
    }
}

namespace KubeInject.Tests.Injection;

/// <summary>Documents that are not injected come out byte-identical (README: "Git-friendly").</summary>
public class InjectorPassThroughTests
{
    private static InjectionResult Inject(string text) => new Injector(new InjectionOptions()).Inject(text, "in.yaml");

    private const string Service = """
        # The front door.
        apiVersion: v1
        kind: Service   # a comment after the kind
        metadata:
          name: web
          labels: {app: web,  tier: "front"}   # flow style, odd spacing
        spec:
          ports:
              - port: 80     # over-indented sequence
                targetPort: 'http'
          selector:
            app: web

        """;

    private const string ConfigMap = """
        --- # header comment on the separator
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
        data:
          key: |
            line one
              line two   
          other: >-
            folded
            text
        # trailing comment of the document
        """;

    private const string HostNetworkDeployment = """
        # a host-network daemon; Istio skips it
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: node-agent
          namespace: infra
        spec:
          selector: {matchLabels: {app: node-agent}}
          template:
            metadata:
              labels:
                app: node-agent
            spec:
              hostNetwork: true   # the reason for skipping
              containers:
                - name: agent
                  image: "example.com/agent:1.0"
                  resources: {}
        status: {}

        """;

    private const string DisabledPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: tools
          annotations:
            sidecar.istio.io/inject: "false"   # opt out
          creationTimestamp: null
        spec:
          containers:
          - name: tools
            image: busybox   # pinned later
            command: ["sleep", "3600"]

        """;

    private static string Crlf(string s) => s.Replace("\r\n", "\n").Replace("\n", "\r\n");

    [Fact]
    public void Non_workload_documents_with_comments_and_a_header_comment_come_out_byte_identical()
    {
        var input = Service + ConfigMap;
        var result = Inject(input);
        Assert.Equal(input, result.Output);
        Assert.False(result.Changed);
        Assert.Empty(result.Workloads);
    }

    [Fact]
    public void Non_workload_documents_with_crlf_line_ends_come_out_byte_identical()
    {
        var input = Crlf(Service + ConfigMap);
        var result = Inject(input);
        Assert.Equal(input, result.Output);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Skipped_workloads_come_out_byte_identical_including_typed_noise_the_user_wrote()
    {
        var input = HostNetworkDeployment + "---\n" + DisabledPod;
        var result = Inject(input);
        Assert.Equal(input, result.Output);
        Assert.False(result.Changed);
        Assert.Equal([false, false], result.Workloads.Select(w => w.Injected));
    }

    [Fact]
    public void Skipped_workloads_with_crlf_line_ends_come_out_byte_identical()
    {
        var input = Crlf("---\n" + HostNetworkDeployment + "--- # next\n" + DisabledPod);
        var result = Inject(input);
        Assert.Equal(input, result.Output);
        Assert.False(result.Changed);
    }

    [Fact]
    public void A_document_separator_with_a_trailing_end_marker_and_no_final_newline_is_kept()
    {
        var input = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n...\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sb";
        Assert.Equal(input, Inject(input).Output);
    }

    [Fact]
    public void An_empty_input_and_a_comment_only_input_come_out_unchanged()
    {
        Assert.Equal("", Inject("").Output);
        Assert.Equal("# nothing here\n\n", Inject("# nothing here\n\n").Output);
        Assert.Equal("---\n---\n", Inject("---\n---\n").Output);
    }

    [Fact]
    public void A_list_of_only_non_workloads_comes_out_byte_identical()
    {
        var input = "apiVersion: v1\nkind: List\n# items follow\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}   # svc\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n";
        Assert.Equal(input, Inject(input).Output);
    }

    [Fact]
    public void Unchanged_documents_around_an_injected_one_keep_their_exact_text()
    {
        var app = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
        var before = Crlf(Service) + "---\r\n";
        var after = "---\n" + HostNetworkDeployment + ConfigMap;
        var result = Inject(before + app + after);
        Assert.True(result.Changed);
        Assert.StartsWith(before, result.Output);
        Assert.EndsWith(after, result.Output);
        Assert.Equal([true, false], result.Workloads.Select(w => w.Injected));
    }

    [Fact]
    public void A_json_service_comes_out_byte_identical()
    {
        var input = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"j\"}\n}\n";
        Assert.Equal(input, Inject(input).Output);
    }
}

using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.Merging;

public class StrategicMergeTests
{
    [Fact]
    public void Template_volumes_come_before_user_volumes_and_shared_ones_keep_original_relative_order()
    {
        var target = Map("spec:\n  volumes:\n  - name: data\n  - name: istio-envoy\n    emptyDir: {}\n");
        var patch = Map("spec:\n  volumes:\n  - name: workload-socket\n  - name: credential-socket\n  - name: workload-certs\n  - name: istio-envoy\n    emptyDir: {medium: Memory}\n  - name: istio-data\n");
        StrategicMerge.Apply(target, patch);
        Assert.Equal("workload-socket,credential-socket,workload-certs,data,istio-envoy,istio-data", Names(target, "spec", "volumes"));
        Assert.Equal("{medium: Memory}", Text(target, "spec", "volumes", 4, "emptyDir"));
    }

    [Fact]
    public void New_template_container_lands_first_and_user_containers_follow()
    {
        var target = Map("spec:\n  containers:\n  - name: app\n    image: a\n  - name: b\n    image: b\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: istio-proxy\n    image: proxy\n"));
        Assert.Equal("istio-proxy,app,b", Names(target, "spec", "containers"));
    }

    [Fact]
    public void A_user_container_with_the_template_name_is_merged_in_place_and_keeps_its_position()
    {
        var target = Map("spec:\n  containers:\n  - name: app\n  - name: istio-proxy\n    image: auto\n    resources: {limits: {cpu: 1}}\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: istio-proxy\n    image: proxy\n    args: [a]\n"));
        Assert.Equal("app,istio-proxy", Names(target, "spec", "containers"));
        Assert.Equal("{name: istio-proxy, image: proxy, resources: {limits: {cpu: 1}}, args: [a]}", Text(target, "spec", "containers", 1));
    }

    [Fact]
    public void Env_is_merged_by_name_and_new_entries_follow_the_interleaving_rule()
    {
        var target = Map("spec:\n  containers:\n  - name: c\n    env:\n    - name: A\n      value: a\n    - name: B\n      value: b\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: c\n    env:\n    - name: X\n      value: x\n    - name: B\n      value: new\n"));
        Assert.Equal("[{name: X, value: x}, {name: A, value: a}, {name: B, value: new}]", Text(target, "spec", "containers", 0, "env"));
    }

    [Fact]
    public void Ports_merge_by_container_port_and_mounts_by_mount_path()
    {
        var target = Map("spec:\n  containers:\n  - name: c\n    ports: [{containerPort: 80, name: http}]\n    volumeMounts: [{mountPath: /a, name: x}]\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: c\n    ports: [{containerPort: 80, protocol: TCP}]\n    volumeMounts: [{mountPath: /a, readOnly: true}]\n"));
        Assert.Equal("[{containerPort: 80, name: http, protocol: TCP}]", Text(target, "spec", "containers", 0, "ports"));
        Assert.Equal("[{mountPath: /a, name: x, readOnly: true}]", Text(target, "spec", "containers", 0, "volumeMounts"));
    }

    [Fact]
    public void Args_and_other_atomic_lists_are_replaced()
    {
        var target = Map("spec:\n  containers:\n  - name: c\n    args: [a, b, c]\n  tolerations: [{key: k}]\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: c\n    args: [x]\n  tolerations: [{key: t}]\n"));
        Assert.Equal("[x]", Text(target, "spec", "containers", 0, "args"));
        Assert.Equal("[{key: t}]", Text(target, "spec", "tolerations"));
    }

    [Fact]
    public void Null_in_the_patch_deletes_the_key_and_nulls_inside_new_values_are_dropped()
    {
        var target = Map("metadata:\n  labels: {a: b, gone: x}\nspec: {}\n");
        StrategicMerge.Apply(target, Map("metadata:\n  labels: {gone: null, absent: null}\nspec:\n  securityContext: {runAsUser: 1, fsGroup: null}\n"));
        Assert.Equal("{a: b}", Text(target, "metadata", "labels"));
        Assert.Equal("{runAsUser: 1}", Text(target, "spec", "securityContext"));
    }

    [Fact]
    public void Finalizers_are_merged_as_a_union()
    {
        var target = Map("metadata:\n  finalizers: [a, b]\n");
        StrategicMerge.Apply(target, Map("metadata:\n  finalizers: [c, a]\n"));
        Assert.Equal("[c, a, b]", Text(target, "metadata", "finalizers"));
    }

    [Fact]
    public void New_init_containers_go_right_after_containers_and_annotations_after_labels()
    {
        var target = Map("metadata:\n  labels: {app: x}\n  name: n\nspec:\n  containers: [{name: app}]\n  restartPolicy: Always\n");
        StrategicMerge.Apply(target, Map("metadata:\n  annotations: {a: b}\nspec:\n  initContainers: [{name: istio-init}]\n"));
        Assert.Equal("{labels: {app: x}, annotations: {a: b}, name: n}", Text(target, "metadata"));
        Assert.Equal("containers,initContainers,restartPolicy", string.Join(",", ((YMapping)target["spec"]!).Entries.Select(e => e.Name)));
    }

    [Fact]
    public void A_patch_equal_to_what_is_there_leaves_every_node_untouched()
    {
        const string yaml = "metadata:\n  labels: {app: x}\nspec:\n  containers:\n  - name: app\n    image: a\n    args: [x, y]\n    env:\n    - name: A\n      value: \"1\"\n  volumes:\n  - name: v\n    emptyDir: {}\n";
        var target = Map(yaml);
        var before = Snapshot(target);
        StrategicMerge.Apply(target, Map(yaml));
        Assert.True(target.IsPristine);
        Assert.Equal(before, Snapshot(target));
    }

    [Fact]
    public void The_patch_is_not_modified_and_its_nodes_are_not_shared()
    {
        var patch = Map("spec:\n  containers:\n  - name: istio-proxy\n    image: p\n");
        var a = Map("spec: {}\n");
        var b = Map("spec:\n  containers: [{name: app}]\n");
        StrategicMerge.Apply(a, patch);
        StrategicMerge.Apply(b, patch);
        Assert.True(patch.IsPristine);
        Assert.NotSame(At(a, "spec", "containers", 0), At(patch, "spec", "containers", 0));
    }

    [Fact]
    public void An_item_without_its_merge_key_fails_with_the_kubernetes_wording()
    {
        var target = Map("spec:\n  containers:\n  - image: x\n");
        var e = Assert.Throws<KubeInjectException>(() => StrategicMerge.Apply(target, Map("spec:\n  containers: [{name: p}]\n")));
        Assert.Equal("strategic merge: map: map[image:x] does not contain declared merge key: name", e.Message);
    }

    [Fact]
    public void Patch_directives_replace_and_delete_are_honoured()
    {
        var target = Map("spec:\n  securityContext: {a: 1, b: 2}\n  volumes: [{name: x}, {name: y}]\n");
        StrategicMerge.Apply(target, Map("spec:\n  securityContext: {$patch: replace, c: 3}\n  volumes: [{name: x, $patch: delete}]\n"));
        Assert.Equal("{c: 3}", Text(target, "spec", "securityContext"));
        Assert.Equal("y", Names(target, "spec", "volumes"));
    }

    [Fact]
    public void A_different_type_in_the_patch_replaces_the_value()
    {
        var target = Map("spec:\n  containers:\n  - name: c\n    resources: null\n    image: 5\n");
        StrategicMerge.Apply(target, Map("spec:\n  containers:\n  - name: c\n    resources: {limits: {cpu: 1}}\n    image: \"5\"\n"));
        Assert.Equal("{name: c, resources: {limits: {cpu: 1}}, image: \"5\"}", Text(target, "spec", "containers", 0));
    }

    [Theory]
    [InlineData("spec:\n  containers:\n  - name: app\n    image: a\n  volumes: [{name: data}]\n",
        "spec:\n  containers:\n  - name: istio-proxy\n    image: proxy\n    resources: null\n    args: [a, b]\n  - name: app\n    env: [{name: X, value: x}]\n  volumes: [{name: istio-envoy, emptyDir: {medium: Memory}}]\n  securityContext: {$patch: replace, c: 3}\n")]
    [InlineData("metadata: {labels: {a: b}}\nspec: {initContainers: [{name: i, args: [x]}]}\n",
        "metadata: {labels: {a: null, c: d}, annotations: {k: v}}\nspec: {initContainers: [{name: i, args: [y]}], dnsPolicy: None}\n")]
    public void Consuming_the_patch_gives_the_same_result_and_moves_its_clean_nodes(string targetYaml, string patchYaml)
    {
        var copied = Map(targetYaml);
        StrategicMerge.Apply(copied, Map(patchYaml));
        var consumed = Map(targetYaml);
        var patch = Map(patchYaml);
        var patchNodes = Snapshot(patch).ToHashSet(ReferenceEqualityComparer.Instance);
        StrategicMerge.ApplyConsumingPatch(consumed, patch);

        Assert.True(copied.SemanticEquals(consumed), $"{copied}\n!=\n{consumed}");
        Assert.Equal(copied.ToString(), consumed.ToString());
        // The copy shares no node with its patch; the consuming merge took some of the patch's own nodes.
        Assert.DoesNotContain(Snapshot(copied), n => patchNodes.Contains(n));
        Assert.Contains(Snapshot(consumed), n => patchNodes.Contains(n));
    }

    // Every node of the tree, by reference, in document order.
    internal static List<YNode> Snapshot(YNode node)
    {
        var list = new List<YNode> { node };
        switch (node)
        {
            case YMapping m: foreach (var e in m.Entries) list.AddRange(Snapshot(e.Value)); break;
            case YSequence s: foreach (var i in s.Items) list.AddRange(Snapshot(i)); break;
        }
        return list;
    }
}

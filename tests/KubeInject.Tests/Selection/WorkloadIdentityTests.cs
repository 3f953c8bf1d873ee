using KubeInject.Selection;
using static KubeInject.Tests.Decision.WorkloadYaml;

namespace KubeInject.Tests.Selection;

/// <summary>Spec §1.4: TypeMeta and DeploymentMeta, and the owner heuristics for bare Pods.</summary>
public class WorkloadIdentityTests
{
    private static WorkloadIdentity Of(string yaml) => WorkloadIdentity.Of(Single(yaml));

    private static string OwnedPod(string ownerKind, string ownerName, string labels = "", string generateName = "  generateName: gen-\n", string controller = "true", string ownerApi = "apps/v1") =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: the-pod\n  namespace: ns\n" + generateName +
        (labels.Length > 0 ? "  labels:\n" + labels : "") +
        $"  ownerReferences:\n  - apiVersion: {ownerApi}\n    kind: {ownerKind}\n    name: {ownerName}\n    uid: 1234\n    controller: {controller}\n" +
        "spec:\n  containers:\n  - name: a\n    image: x\n";

    [Theory]
    [InlineData("Deployment", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1beta2")]
    [InlineData("DeploymentConfig", "v1")]
    public void A_non_pod_workload_is_its_own_owner_with_its_written_api_version(string kind, string api)
    {
        var id = Of($"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: w\n  namespace: ns\nspec:\n  template:\n    metadata:\n      name: ignored\n      namespace: other\n    spec:\n      containers:\n      - name: a\n        image: x\n");
        Assert.Equal(new WorkloadIdentity(kind, api, "w", "ns"), id);
    }

    [Fact]
    public void A_cronjob_is_named_after_the_cronjob_itself()
    {
        var id = Of("apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: cj\n  namespace: ns\nspec:\n  jobTemplate:\n    metadata:\n      name: jt\n    spec:\n      template:\n        spec:\n          containers:\n          - name: a\n            image: x\n");
        Assert.Equal(new WorkloadIdentity("CronJob", "batch/v1beta1", "cj", "ns"), id);
    }

    [Fact]
    public void A_pod_is_always_api_version_v1_whatever_is_written()
    {
        var id = Of("apiVersion: core/v1beta9\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  containers:\n  - name: a\n    image: x\n");
        Assert.Equal(new WorkloadIdentity("Pod", "v1", "p", "ns"), id);
    }

    [Fact]
    public void A_pod_owned_by_a_replicaset_with_the_pod_template_hash_is_named_after_the_deployment()
    {
        var id = Of(OwnedPod("ReplicaSet", "web-7d9f8c6b5", "    pod-template-hash: 7d9f8c6b5\n"));
        Assert.Equal(new WorkloadIdentity("Deployment", "apps/v1", "web", "ns"), id);
    }

    [Fact]
    public void A_replicaset_name_ending_with_the_hash_without_a_dash_is_left_unchanged_but_becomes_a_deployment()
    {
        var id = Of(OwnedPod("ReplicaSet", "web7d9f8c6b5", "    pod-template-hash: 7d9f8c6b5\n"));
        Assert.Equal(new WorkloadIdentity("Deployment", "apps/v1", "web7d9f8c6b5", "ns"), id);
    }

    [Fact]
    public void A_replicaset_whose_name_does_not_end_with_the_hash_stays_a_replicaset()
    {
        var id = Of(OwnedPod("ReplicaSet", "web-abc", "    pod-template-hash: 7d9f8c6b5\n"));
        Assert.Equal(new WorkloadIdentity("ReplicaSet", "apps/v1", "web-abc", "ns"), id);
    }

    [Fact]
    public void A_pod_owned_by_a_replicaset_with_the_rollouts_hash_is_named_after_the_rollout_v1alpha1()
    {
        var id = Of(OwnedPod("ReplicaSet", "canary-5f6d7c8b9", "    rollouts-pod-template-hash: 5f6d7c8b9\n"));
        Assert.Equal(new WorkloadIdentity("Rollout", "v1alpha1", "canary", "ns"), id);
    }

    [Fact]
    public void The_pod_template_hash_is_tried_before_the_rollouts_hash()
    {
        var id = Of(OwnedPod("ReplicaSet", "x-111", "    pod-template-hash: \"111\"\n    rollouts-pod-template-hash: \"111\"\n"));
        Assert.Equal(new WorkloadIdentity("Deployment", "apps/v1", "x", "ns"), id);
    }

    [Fact]
    public void A_pod_owned_by_a_replication_controller_with_a_deploymentconfig_label_is_named_after_the_deploymentconfig()
    {
        var id = Of(OwnedPod("ReplicationController", "frontend-3", "    deploymentconfig: frontend\n", ownerApi: "v1"));
        Assert.Equal(new WorkloadIdentity("DeploymentConfig", "v1", "frontend", "ns"), id);
    }

    [Fact]
    public void A_replication_controller_without_the_deploymentconfig_label_stays_itself()
    {
        var id = Of(OwnedPod("ReplicationController", "frontend-3", ownerApi: "v1"));
        Assert.Equal(new WorkloadIdentity("ReplicationController", "v1", "frontend-3", "ns"), id);
    }

    [Theory]
    [InlineData("backup-12345678", "backup")]
    [InlineData("backup-1234567890", "backup")]
    [InlineData("my-nightly-backup-28473920", "my-nightly-backup")]
    public void A_pod_owned_by_a_job_with_a_numeric_suffix_is_named_after_the_cronjob_batch_v1(string job, string cron)
    {
        var id = Of(OwnedPod("Job", job, ownerApi: "batch/v1beta1"));
        Assert.Equal(new WorkloadIdentity("CronJob", "batch/v1", cron, "ns"), id);
    }

    [Theory]
    [InlineData("backup-1234567")]
    [InlineData("backup-12345678901")]
    [InlineData("backup-1234567a")]
    [InlineData("12345678")]
    public void A_job_name_without_an_8_to_10_digit_suffix_stays_a_job(string job)
    {
        var id = Of(OwnedPod("Job", job, ownerApi: "batch/v1"));
        Assert.Equal(new WorkloadIdentity("Job", "batch/v1", job, "ns"), id);
    }

    [Fact]
    public void Without_generate_name_the_owner_references_are_ignored()
    {
        var id = Of(OwnedPod("ReplicaSet", "web-7d9f8c6b5", "    pod-template-hash: 7d9f8c6b5\n", generateName: ""));
        Assert.Equal(new WorkloadIdentity("Pod", "v1", "the-pod", "ns"), id);
    }

    [Fact]
    public void An_empty_generate_name_counts_as_none()
    {
        var id = Of(OwnedPod("ReplicaSet", "web-7d9f8c6b5", "    pod-template-hash: 7d9f8c6b5\n", generateName: "  generateName: \"\"\n"));
        Assert.Equal(new WorkloadIdentity("Pod", "v1", "the-pod", "ns"), id);
    }

    [Fact]
    public void An_owner_that_is_not_the_controller_is_ignored()
    {
        var id = Of(OwnedPod("ReplicaSet", "web-7d9f8c6b5", "    pod-template-hash: 7d9f8c6b5\n", controller: "false"));
        Assert.Equal(new WorkloadIdentity("Pod", "v1", "the-pod", "ns"), id);
    }

    [Fact]
    public void The_first_controller_owner_is_used()
    {
        var id = Of("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: g-\n  ownerReferences:\n" +
                    "  - {apiVersion: v1, kind: Thing, name: not-controller}\n" +
                    "  - {apiVersion: example.com/v2, kind: Widget, name: first, controller: true}\n" +
                    "  - {apiVersion: example.com/v3, kind: Gadget, name: second, controller: true}\n" +
                    "spec:\n  containers:\n  - name: a\n    image: x\n");
        Assert.Equal(new WorkloadIdentity("Widget", "example.com/v2", "first", ""), id);
    }

    [Fact]
    public void A_generate_name_pod_without_owner_keeps_an_empty_name()
    {
        var id = Of("apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: g-\nspec:\n  containers:\n  - name: a\n    image: x\n");
        Assert.Equal(new WorkloadIdentity("Pod", "v1", "", ""), id);
    }
}

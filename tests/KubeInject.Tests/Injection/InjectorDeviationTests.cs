namespace KubeInject.Tests.Injection;

/// <summary>
/// Places where the library departs from the spec or the README. Each failing test is skipped with a
/// "bug:" reason; remove the Skip once the library is fixed.
/// </summary>
public class InjectorDeviationTests
{
    private static InjectionResult Inject(string text) => new Injector(new InjectionOptions()).Inject(text, "dev.yaml");

    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: x\n";

    [Fact]
    public void A_byte_order_mark_before_a_skipped_document_is_kept_verbatim()
    {
        var input = "\uFEFF" + Pod.Replace("spec:\n", "spec:\n  hostNetwork: true\n");
        Assert.Equal(input, Inject(input).Output);
    }

    [Fact]
    public void A_byte_order_mark_before_an_injected_document_is_followed_directly_by_the_first_line()
    {
        var output = Inject("\uFEFF" + Pod).Output;
        Assert.StartsWith("\uFEFFapiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n", output);
    }

    [Fact]
    public void The_skip_message_names_the_pod_template_when_the_template_has_a_name()
    {
        var r = Assert.Single(Inject("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: ns\nspec:\n  template:\n    metadata:\n      name: tpl\n    spec:\n      hostNetwork: true\n      containers:\n      - name: a\n        image: x\n").Workloads);
        Assert.Equal("Skipping injection because Deployment \"ns/tpl\" has host networking enabled", r.SkipMessage);
    }

    [Fact]
    public void The_skip_message_of_an_owned_pod_uses_the_owner_derived_kind()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-7d9f8c6b5-abcde\n  generateName: web-7d9f8c6b5-\n  namespace: ns\n  labels:\n    pod-template-hash: 7d9f8c6b5\n" +
                   "  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f8c6b5, controller: true}\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    image: x\n";
        var r = Assert.Single(Inject(text).Workloads);
        Assert.Equal("Skipping injection because Deployment \"ns/web-7d9f8c6b5-abcde\" has host networking enabled", r.SkipMessage);
    }
}

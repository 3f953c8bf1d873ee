using System.Text.RegularExpressions;
using k8s;
using KubeInject.Tests.Conformance;
using KubeInject.Tests.Injection;

namespace KubeInject.Tests.Samples;

/// <summary>
/// The injected samples load into the official C# Kubernetes client's typed models (strict: no unknown
/// fields) and nothing is dropped: serialising the typed objects back gives the same objects.
/// </summary>
public partial class TypedModelTests
{
    private static string Injected(string caseName) =>
        new Injector(new InjectionOptions()).Inject(CasePaths.Input(caseName), caseName + ".yaml").Output;

    private static string RoundTrip(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, null, strict: true);
        Assert.NotEmpty(objects);
        // Serialize returns a document without its final line break.
        return string.Join("\n---\n", objects.Select(o => KubernetesYaml.Serialize(o)));
    }

    // KubernetesClient writes a ResourceQuantity as a plain scalar, so "0" (quoted in our output, as Go
    // writes it) comes back as the integer 0. That is the client's serialiser, not a dropped field; every
    // other difference counts.
    [GeneratedRegex(@"^\S*(\.divisor|\.resources\.(requests|limits)\.[a-z.-]+): expected '(?<q>[0-9.]+)' \(str\) got \k<q> \((int|float)\)$")]
    private static partial Regex QuantityAsNumber();

    private static List<string> Differences(string expected, string actual) =>
        SemanticComparer.Compare(expected, actual).Where(d => !QuantityAsNumber().IsMatch(d)).ToList();

    [Theory]
    [InlineData("httpbin")]
    [InlineData("sleep")]
    [InlineData("cronjob")]
    [InlineData("statefulset-comments")]
    public void The_injected_case_loads_into_typed_models_and_serialises_back_without_differences(string caseName)
    {
        var output = Injected(caseName);
        var diffs = Differences(output, RoundTrip(output));
        Assert.True(diffs.Count == 0, SemanticComparer.Format(diffs));
    }

    [Theory]
    [InlineData("httpbin", "Deployment")]
    [InlineData("sleep", "Deployment")]
    public void The_injected_sample_deployment_is_typed_with_its_sidecar(string caseName, string kind)
    {
        var objects = KubernetesYaml.LoadAllFromString(Injected(caseName), null, strict: true);
        var deployment = Assert.Single(objects.OfType<k8s.Models.V1Deployment>());
        Assert.Equal(kind, deployment.Kind);
        var spec = deployment.Spec.Template.Spec;
        Assert.Equal([caseName, "istio-proxy"], spec.Containers.Select(c => c.Name));
        Assert.Equal(["istio-init"], spec.InitContainers.Select(c => c.Name));
        Assert.Equal(Versions.BundledVersions.DefaultProxyImage, spec.Containers[1].Image);
        Assert.Contains(spec.Volumes, v => v.Name == "istio-token" && v.Projected?.Sources.Single().ServiceAccountToken?.ExpirationSeconds == 43200);
    }

    [Fact]
    public void The_quantity_allowance_covers_only_numeric_quantities_written_as_strings()
    {
        Assert.Matches(QuantityAsNumber(), "doc[0].spec.template.spec.containers[2].env[7].valueFrom.resourceFieldRef.divisor: expected '0' (str) got 0 (int)");
        Assert.Matches(QuantityAsNumber(), "doc[0].spec.containers[0].resources.limits.cpu: expected '2' (str) got 2 (int)");
        Assert.DoesNotMatch(QuantityAsNumber(), "doc[0].spec.containers[0].resources.limits.cpu: expected '2' (str) got 3 (int)");
        Assert.DoesNotMatch(QuantityAsNumber(), "doc[0].spec.containers[0].env[0].value: expected '0' (str) got 0 (int)");
        Assert.DoesNotMatch(QuantityAsNumber(), "doc[0].spec.containers[0].resources.limits.cpu: unexpected in actual (got 2)");
    }

    [Fact]
    public void The_round_trip_comparison_detects_a_field_the_typed_model_does_not_know()
    {
        // Guards the test above: a non-strict load drops unknown fields, and the comparison must notice.
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    notAField: 1\n";
        var objects = KubernetesYaml.LoadAllFromString(yaml, null, strict: false);
        var back = KubernetesYaml.Serialize(objects.Single());
        Assert.NotEmpty(Differences(yaml, back));
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, null, strict: true));
    }
}

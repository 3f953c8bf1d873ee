using System.Text.Json;

namespace KubeInject.Tests.Writing;

/// <summary>A JSON input comes out as JSON: its indentation, key order and untouched values as written.</summary>
public sealed class JsonStaysJsonTests
{
    private const string Pod = """
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "name": "web",
                "labels": {"app": "web"}
            },
            "spec": {
                "containers": [
                    {
                        "name": "web",
                        "image": "nginx:1.27",
                        "ports": [{"containerPort": 80}],
                        "env": [{"name": "A", "value": "x\"y\u00e9"}]
                    }
                ]
            }
        }

        """;

    private static InjectionResult Inject(string text) => new Injector(new InjectionOptions()).Inject(text, "pod.json");

    [Fact]
    public void Injected_json_is_json_with_the_inputs_indentation_and_untouched_values_verbatim()
    {
        var output = Inject(Pod).Output;
        using var json = JsonDocument.Parse(output);
        var containers = json.RootElement.GetProperty("spec").GetProperty("containers").EnumerateArray().ToList();
        Assert.Equal(["web", "istio-proxy"], containers.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("x\"yé", containers[0].GetProperty("env")[0].GetProperty("value").GetString());
        Assert.StartsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"web\",\n", output);
        // The user's container was not changed: written exactly as it was.
        Assert.Contains("                \"ports\": [{\"containerPort\": 80}],\n                \"env\": [{\"name\": \"A\", \"value\": \"x\\\"y\\u00e9\"}]\n", output);
        Assert.EndsWith("}\n", output);
        Assert.DoesNotContain("\n  - ", output);
    }

    [Fact]
    public void Injected_json_is_a_fixed_point_and_uninjects_to_the_same_values()
    {
        var once = Inject(Pod).Output;
        Assert.Equal(once, Inject(once).Output);
        var back = new Uninjector(new InjectionOptions()).Uninject(once, "pod.json").Output;
        using var a = JsonDocument.Parse(Pod);
        using var b = JsonDocument.Parse(back);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement));
    }

    [Fact]
    public void One_line_json_stays_on_one_line()
    {
        var text = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}";
        var output = Inject(text).Output;
        Assert.DoesNotContain("\n", output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("spec").GetProperty("containers").GetArrayLength());
    }

    [Fact]
    public void A_yaml_flow_mapping_root_stays_yaml()
    {
        var text = "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: x}]}}\n";
        var output = Inject(text).Output;
        Assert.Contains("istio-proxy", output);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(output));
    }
}

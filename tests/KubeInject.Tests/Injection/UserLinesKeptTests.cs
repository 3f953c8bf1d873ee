using KubeInject.Yaml;

namespace KubeInject.Tests.Injection;

/// <summary>
/// Go's typed round trip (istioctl decodes the object into its Go type and encodes it again) drops zero values the
/// user wrote and adds always-written fields such as a DaemonSet's <c>status</c> counters. compare.py's rule 8 says
/// neither is semantic, so injection must leave the user's lines alone and add no <c>status</c>.
/// </summary>
public sealed class UserLinesKeptTests
{
    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          minReadySeconds: 0
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels:
                app: agent
            spec:
              hostNetwork: false
              serviceAccountName: ""
              containers:
              - name: agent
                image: agent:1
                stdin: false
                tty: false
                imagePullPolicy: ""
                readinessProbe:
                  exec: {command: [true]}
                  initialDelaySeconds: 0
                  timeoutSeconds: 1
        """;

    public static TheoryData<string> Kinds() => new(["Deployment", "DaemonSet", "StatefulSet", "ReplicaSet"]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Zero_values_the_user_wrote_survive_and_no_status_is_added(string kind)
    {
        var input = DaemonSet.Replace("kind: DaemonSet", $"kind: {kind}").Replace("  minReadySeconds: 0\n", kind == "Deployment" ? "  minReadySeconds: 0\n  paused: false\n" : "  minReadySeconds: 0\n");
        var output = new Injector(new InjectionOptions()).Inject(input, "agent.yaml").Output;
        Assert.Contains("name: istio-proxy", output);
        var inputLines = input.Split('\n');
        var outputLines = output.Split('\n');
        // Every line the user wrote is still there, in order (the injection only adds lines).
        int at = 0;
        foreach (var line in inputLines.Where(l => l.Length > 0))
        {
            at = Array.IndexOf(outputLines, line, at);
            Assert.True(at >= 0, $"user line lost: '{line}'\n{output}");
        }
        Assert.DoesNotContain("\nstatus:", output);
        Assert.DoesNotContain("serviceName", output);
    }
}

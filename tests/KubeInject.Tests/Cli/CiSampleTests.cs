namespace KubeInject.Tests.Cli;

/// <summary>The sample CI workflow (samples/ci/github-actions.yaml) runs commands the CLI accepts, with the outputs it promises.</summary>
public sealed class CiSampleTests
{
    [Fact]
    public void Every_kube_inject_command_of_the_sample_workflow_runs()
    {
        var workflow = File.ReadAllLines(Path.Combine(CliSandbox.RepoRoot(), "samples", "ci", "github-actions.yaml"));
        var commands = workflow.Select(l => l.Trim()).Where(l => l.StartsWith("run: kube-inject ", StringComparison.Ordinal))
            .Select(l => l["run: kube-inject ".Length..].Split(" >")[0].Split(" #")[0].Trim()).ToList();
        Assert.Equal(3, commands.Count);

        using var box = new CliSandbox();
        var sleep = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml"));
        box.Write("deploy/sleep.yaml", CliSandbox.RunWithStdin(sleep, "--report", "none").Stdout);
        var outputs = new List<string>();
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "deploy/" ? box.PathOf("deploy") + "/" : a).ToArray();
            var run = CliSandbox.Run(args);
            Assert.True(run.Exit is 0 or 1 or 79, $"kube-inject {command}: {run}");
            outputs.Add(run.Stdout);
        }
        Assert.Contains("\"version\": \"2.1.0\"", outputs[2]);
    }
}

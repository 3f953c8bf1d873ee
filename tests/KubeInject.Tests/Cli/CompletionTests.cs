using KubeInject.Versions;
using System.Diagnostics;

namespace KubeInject.Tests.Cli;

/// <summary><c>kube-inject completion SHELL</c>: scripts generated from the command tree, exercised in a real bash.</summary>
public sealed class CompletionTests
{
    public static TheoryData<string> Shells() => new(["bash", "zsh", "fish", "pwsh"]);

    [Theory]
    [MemberData(nameof(Shells))]
    public void Every_command_and_flag_is_in_every_script(string shell)
    {
        var run = CliSandbox.Run("completion", shell);
        Assert.Equal(0, run.Exit);
        foreach (var word in new[] { "check", "uninject", "version", "krm", "--istio-version", "--fail-on", "--expect-injected", "--output-format", "--reinject", "--namespace-labels" })
            Assert.Contains(word.TrimStart('-'), run.Stdout);
        foreach (var version in Injector.BundledIstioVersions) Assert.Contains(version, run.Stdout);
    }

    [Fact]
    public void Bash_offers_the_bundled_istio_versions()
    {
        Assert.SkipUnless(File.Exists("/bin/bash"), "bash not installed");
        Assert.Equal(string.Join(' ', Injector.BundledIstioVersions), BashComplete("kube-inject --istio-version ''"));
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        Assert.Equal(64, CliSandbox.Run("completion", "tcsh").Exit);
    }

    [Theory]
    [InlineData("kube-inject --istio-ver", "--istio-version")]
    [InlineData("kube-inject ch", "check")]
    [InlineData("kube-inject check --fail-on ''", "error info warning")]
    [InlineData("kube-inject check --expect", "--expect-injected")]
    [InlineData("kube-inject --report j", "json")]
    [InlineData("kube-inject completion ''", "bash zsh fish pwsh")]
    [InlineData("kube-inject version --out", "--output")]
    public void Bash_completes_commands_flags_and_their_values(string line, string expected)
    {
        Assert.SkipUnless(File.Exists("/bin/bash"), "bash not installed");
        Assert.Equal(expected, BashComplete(line));
    }

    // Sources the generated script in a real bash and asks its function for the candidates of a command line.
    private static string BashComplete(string line)
    {
        using var box = new CliSandbox();
        var script = box.Write("kube-inject.bash", CliSandbox.Run("completion", "bash").Stdout);
        var test = box.Write("test.sh", $$"""
            source '{{script}}'
            COMP_WORDS=({{line}}); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
            [[ "{{line}}" == *"''" ]] && COMP_WORDS[COMP_CWORD]=""
            _kube_inject
            echo "${COMPREPLY[*]}"
            """);
        var psi = new ProcessStartInfo("/bin/bash", [test]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = box.Dir };
        using var bash = Process.Start(psi)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        return output.Trim();
    }
}

using System.CommandLine;
using KubeInject.Cli;

namespace KubeInject.Tests.Cli;

/// <summary>The README's usage synopses list every flag the commands accept (tests/readme/run_readme.py runs its examples).</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "README.md"));

    public static TheoryData<string> Commands() => new(["kube-inject", "check", "version"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_synopsis_lists_every_flag(string name)
    {
        var context = new CliContext(new StringReader(""), TextWriter.Null, TextWriter.Null, new Dictionary<string, string>());
        Command command = name switch
        {
            "check" => new CheckCommand(context).Build(),
            "version" => new VersionCommand(context).Build(),
            _ => new InjectCommand(context).Build(),
        };
        string synopsis = Synopsis(name == "kube-inject" ? "kube-inject -f" : $"kube-inject {name} [");
        var missing = command.Options.Where(o => o.Name is not ("--help" or "--version") && !o.Aliases.Prepend(o.Name).Any(a => Mentions(synopsis, a)))
            .Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, $"the README's synopsis of {name} lacks {string.Join(", ", missing)}:\n{synopsis}");
    }

    // The fenced block that starts with the command's synopsis line.
    private static string Synopsis(string start)
    {
        int at = Readme.IndexOf("```\n" + start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no synopsis block starting with '{start}'");
        int end = Readme.IndexOf("```", at + 4, StringComparison.Ordinal);
        return Readme[(at + 4)..end];
    }

    private static bool Mentions(string synopsis, string alias) =>
        System.Text.RegularExpressions.Regex.IsMatch(synopsis, $@"(^|[\s\[|]){System.Text.RegularExpressions.Regex.Escape(alias)}($|[\s\]|=])", System.Text.RegularExpressions.RegexOptions.Multiline);
}

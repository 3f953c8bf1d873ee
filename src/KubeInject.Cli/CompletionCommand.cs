using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace KubeInject.Cli;

/// <summary>
/// <c>kube-inject completion bash|zsh|fish|pwsh</c>: a completion script for the shell, generated from the command
/// tree (commands, flags, the values a flag accepts, file paths elsewhere), so it cannot fall behind the flags.
/// </summary>
internal sealed class CompletionCommand(CliContext context, Func<Command> root)
{
    private readonly Argument<string> _shell = new("shell") { Description = "bash | zsh | fish | pwsh." };

    public Command Build()
    {
        var command = new Command("completion", "Print a shell completion script: source <(kube-inject completion bash), or see the README.");
        _shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        command.Arguments.Add(_shell);
        command.SetAction(parse =>
        {
            var tree = Tree.Of(root());
            context.Stdout.Write(parse.GetValue(_shell) switch
            {
                "zsh" => Zsh(tree),
                "fish" => Fish(tree),
                "pwsh" => Pwsh(tree),
                _ => Bash(tree),
            });
            context.Stdout.Flush();
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One command's flags: each alias, and for flags that take a value, the values offered (empty: file paths).</summary>
    internal sealed record Flag(IReadOnlyList<string> Names, bool TakesValue, IReadOnlyList<string> Values);

    /// <summary>The command tree as completion needs it: "" is the root.</summary>
    internal sealed record Tree(IReadOnlyDictionary<string, IReadOnlyList<Flag>> Commands)
    {
        public static Tree Of(Command root)
        {
            var commands = new Dictionary<string, IReadOnlyList<Flag>>(StringComparer.Ordinal) { [""] = Flags(root) };
            foreach (var sub in root.Subcommands) commands[sub.Name] = Flags(sub);
            commands["help"] = [];
            return new Tree(commands);
        }

        private static List<Flag> Flags(Command command) =>
            [.. command.Options.Where(o => !o.Hidden).Select(o => new Flag(
                [.. o.Aliases.Prepend(o.Name).Distinct().Where(n => n.StartsWith('-') && n != "-?")],
                // A bool flag may take an optional value, but nobody types one.
                o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool),
                [.. o.GetCompletions(CompletionContext.Empty).Select(c => c.Label)]))];

        public IEnumerable<string> Subcommands => Commands.Keys.Where(k => k.Length > 0);
    }

    internal static string Bash(Tree tree)
    {
        var sb = new StringBuilder();
        sb.Append("# kube-inject completion for bash: source <(kube-inject completion bash)\n");
        sb.Append("_kube_inject() {\n");
        sb.Append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" w\n");
        sb.Append("  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n");
        sb.Append($"    case \"$w\" in {string.Join("|", tree.Subcommands)}) cmd=\"$w\"; break;; esac\n");
        sb.Append("  done\n");
        sb.Append("  local flags values\n");
        sb.Append("  case \"$cmd\" in\n");
        foreach (var (name, flags) in tree.Commands)
        {
            sb.Append($"    {(name.Length == 0 ? "''" : name)})\n");
            sb.Append($"      flags=\"{string.Join(' ', flags.SelectMany(f => f.Names))}\"\n");
            sb.Append("      case \"$prev\" in\n");
            foreach (var flag in flags.Where(f => f.TakesValue))
                sb.Append($"        {string.Join('|', flag.Names)}) {(flag.Values.Count > 0 ? $"COMPREPLY=($(compgen -W \"{string.Join(' ', flag.Values)}\" -- \"$cur\"))" : "COMPREPLY=($(compgen -f -- \"$cur\"))")}; return;;\n");
            sb.Append("      esac;;\n");
        }
        sb.Append("  esac\n");
        sb.Append("  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\")); return; fi\n");
        sb.Append($"  if [[ -z \"$cmd\" ]]; then COMPREPLY=($(compgen -W \"{string.Join(' ', tree.Subcommands)}\" -- \"$cur\") $(compgen -f -- \"$cur\")); return; fi\n");
        sb.Append("  if [[ \"$cmd\" == completion ]]; then COMPREPLY=($(compgen -W \"bash zsh fish pwsh\" -- \"$cur\")); return; fi\n");
        sb.Append("  if [[ \"$cmd\" == help ]]; then COMPREPLY=($(compgen -W \"" + string.Join(' ', tree.Subcommands.Where(c => c != "help")) + "\" -- \"$cur\")); return; fi\n");
        sb.Append("  COMPREPLY=($(compgen -f -- \"$cur\"))\n");
        sb.Append("}\n");
        sb.Append("complete -o filenames -o bashdefault -F _kube_inject kube-inject\n");
        return sb.ToString();
    }

    // zsh runs the bash function through bashcompinit: one script to keep true, not two.
    internal static string Zsh(Tree tree) =>
        "# kube-inject completion for zsh: source <(kube-inject completion zsh)\n" +
        "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(tree);

    internal static string Fish(Tree tree)
    {
        var sb = new StringBuilder("# kube-inject completion for fish: kube-inject completion fish | source\n");
        var subcommands = string.Join(' ', tree.Subcommands);
        sb.Append($"complete -c kube-inject -n 'not __fish_seen_subcommand_from {subcommands}' -a '{subcommands}'\n");
        sb.Append($"complete -c kube-inject -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish pwsh'\n");
        foreach (var (name, flags) in tree.Commands)
        {
            string condition = name.Length == 0 ? $"not __fish_seen_subcommand_from {subcommands}" : $"__fish_seen_subcommand_from {name}";
            foreach (var flag in flags)
            {
                var parts = new StringBuilder($"complete -c kube-inject -n '{condition}'");
                foreach (var n in flag.Names)
                    parts.Append(n.StartsWith("--", StringComparison.Ordinal) ? $" -l {n[2..]}" : n.StartsWith('-') && n.Length == 2 ? $" -s {n[1..]}" : $" -o {n.TrimStart('-')}");
                if (flag.TakesValue) parts.Append(flag.Values.Count > 0 ? $" -x -a '{string.Join(' ', flag.Values)}'" : " -r -F");
                sb.Append(parts).Append('\n');
            }
        }
        return sb.ToString();
    }

    internal static string Pwsh(Tree tree)
    {
        var sb = new StringBuilder("# kube-inject completion for PowerShell: kube-inject completion pwsh | Out-String | Invoke-Expression\n");
        sb.Append("$kubeInjectFlags = @{\n");
        foreach (var (name, flags) in tree.Commands)
            sb.Append($"  '{name}' = @({string.Join(", ", flags.SelectMany(f => f.Names).Select(n => $"'{n}'"))})\n");
        sb.Append("}\n$kubeInjectValues = @{\n");
        foreach (var flag in tree.Commands.Values.SelectMany(f => f).Where(f => f.Values.Count > 0).DistinctBy(f => f.Names[0]))
            foreach (var n in flag.Names)
                sb.Append($"  '{n}' = @({string.Join(", ", flag.Values.Select(v => $"'{v}'"))})\n");
        sb.Append("}\n");
        sb.Append($"$kubeInjectCommands = @({string.Join(", ", tree.Subcommands.Select(c => $"'{c}'"))})\n");
        sb.Append("""
            Register-ArgumentCompleter -Native -CommandName kube-inject -ScriptBlock {
              param($wordToComplete, $commandAst, $cursorPosition)
              $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
              $cmd = ''
              foreach ($w in $words[1..($words.Count)]) { if ($kubeInjectCommands -contains $w) { $cmd = $w; break } }
              $prev = if ($wordToComplete) { $words[-2] } else { $words[-1] }
              if ($kubeInjectValues.ContainsKey($prev)) { $candidates = $kubeInjectValues[$prev] }
              elseif ($wordToComplete -like '-*') { $candidates = $kubeInjectFlags[$cmd] }
              elseif ($cmd -eq '') { $candidates = $kubeInjectCommands + @(Get-ChildItem -Name "$wordToComplete*") }
              else { $candidates = @(Get-ChildItem -Name "$wordToComplete*") }
              $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
            }

            """);
        return sb.ToString();
    }
}

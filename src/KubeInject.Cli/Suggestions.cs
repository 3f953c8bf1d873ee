using System.CommandLine;

namespace KubeInject.Cli;

/// <summary>"Did you mean …?" for a mistyped flag or command: the closest name by edit distance, if close enough.</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean '--recursive'?)" for <paramref name="token"/> among the current command's options, or "".</summary>
    public static string ForOption(string token, ParseResult parse)
    {
        var names = parse.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
        return Closest(token.Split('=')[0], names) is { } best ? $" (did you mean '{best}'?)" : "";
    }

    /// <summary>" (did you mean the command 'check'?)" when a missing path looks like a mistyped subcommand, or "".</summary>
    public static string ForCommand(string token, ParseResult parse)
    {
        if (token.Contains('/') || token.Contains('.') || token.Contains('\\')) return "";
        var root = parse.RootCommandResult.Command;
        return Closest(token, root.Subcommands.Select(c => c.Name).Append("help")) is { } best ? $" (did you mean the command '{best}'?)" : "";
    }

    internal static string? Closest(string token, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var name in names.Distinct())
        {
            int d = Distance(token, name);
            if (d < bestDistance) (best, bestDistance) = (name, d);
        }
        // Close enough: a couple of typos, more for long names.
        return best is not null && bestDistance <= Math.Max(2, token.Length / 3) && bestDistance < token.Length ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}

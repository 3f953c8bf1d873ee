using System.Text;

namespace KubeInject.Tests.Golden;

/// <summary>Scrubber implementations shared by <see cref="SettingsTask"/>.</summary>
internal static class Scrubbers
{
    /// <summary>Applies <paramref name="replaceLine"/> to each <c>\n</c>-separated line; keeps a final line end.</summary>
    public static void ReplaceLines(StringBuilder builder, Func<string, string?> replaceLine)
    {
        var text = builder.ToString();
        var endsWithNewLine = text.EndsWith('\n');
        var lines = (endsWithNewLine ? text[..^1] : text).Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (replaceLine(line) is { } replaced)
            {
                kept.Add(replaced);
            }
        }

        builder.Clear().AppendJoin('\n', kept);
        if (endsWithNewLine && kept.Count > 0)
        {
            builder.Append('\n');
        }
    }
}

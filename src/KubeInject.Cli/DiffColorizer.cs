using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeInject.Cli;

/// <summary>
/// Colours a unified diff for a terminal the way <c>git diff --color</c> does: file headers bold, hunk
/// headers cyan, removed lines red, added lines green. Line breaks stay outside the colour codes so a
/// CRLF line does not leave the terminal coloured.
/// </summary>
internal static partial class DiffColorizer
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Cyan = "\u001b[36m";

    [GeneratedRegex(@"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();

    /// <summary>The diff with ANSI colour codes around each header, hunk header, removed and added line.</summary>
    public static string Colorize(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var sb = new StringBuilder(diff.Length + diff.Length / 4);
        // Lines still expected in the current hunk: "--- x" there is a removed "-- x", not a file header.
        int oldLeft = 0, newLeft = 0;
        int i = 0;
        while (i < diff.Length)
        {
            int nl = diff.IndexOf('\n', i);
            int end = nl < 0 ? diff.Length : nl;
            int content = end > i && diff[end - 1] == '\r' ? end - 1 : end;
            string line = diff[i..content];
            string? color = null;
            if (oldLeft > 0 || newLeft > 0)
            {
                if (line.StartsWith('-')) { color = Red; oldLeft--; }
                else if (line.StartsWith('+')) { color = Green; newLeft--; }
                else if (line.StartsWith(' ')) { oldLeft--; newLeft--; }
            }
            else if (HunkHeader().Match(line) is { Success: true } m)
            {
                color = Cyan;
                oldLeft = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
                newLeft = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal)) color = Bold;

            if (color is null) sb.Append(line);
            else sb.Append(color).Append(line).Append(Reset);
            int next = nl < 0 ? diff.Length : nl + 1;
            sb.Append(diff, content, next - content);
            i = next;
        }
        return sb.ToString();
    }
}

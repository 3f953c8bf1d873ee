using System.Text;
using System.Text.RegularExpressions;

namespace KubeInject.Tests.Cli;

/// <summary>
/// A strict <c>patch</c> for the CLI's unified diffs, to check them: context and removed lines must match the
/// old text exactly (line ends included); hunk headers must agree with the lines that follow.
/// </summary>
internal static partial class UnifiedDiffApplier
{
    public static string Apply(string oldText, string diff)
    {
        var old = SplitKeepingEnds(oldText);
        var lines = SplitKeepingEnds(diff);
        Assert.True(lines.Count >= 2 && lines[0].StartsWith("--- ", StringComparison.Ordinal) && lines[1].StartsWith("+++ ", StringComparison.Ordinal), "no diff header");
        var result = new StringBuilder();
        int cursor = 0; // next old line to copy
        int i = 2;
        while (i < lines.Count)
        {
            var header = Header().Match(lines[i]);
            Assert.True(header.Success, $"expected a hunk header, got '{lines[i]}'");
            int oldStart = int.Parse(header.Groups[1].Value), oldCount = header.Groups[2].Success ? int.Parse(header.Groups[2].Value) : 1;
            int newCount = header.Groups[4].Success ? int.Parse(header.Groups[4].Value) : 1;
            int firstOld = oldCount == 0 ? oldStart : oldStart - 1;
            Assert.True(firstOld >= cursor, "hunks overlap or go backwards");
            for (; cursor < firstOld; cursor++) result.Append(old[cursor]);
            i++;
            int seenOld = 0, seenNew = 0;
            while (i < lines.Count && !lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var line = lines[i];
                var content = line[1..];
                if (i + 1 < lines.Count && lines[i + 1].StartsWith('\\'))
                {
                    content = content.TrimEnd('\n'); // the piece had no line end
                }
                switch (line[0])
                {
                    case ' ':
                        Assert.Equal(old[cursor], content);
                        result.Append(content);
                        cursor++; seenOld++; seenNew++;
                        break;
                    case '-':
                        Assert.Equal(old[cursor], content);
                        cursor++; seenOld++;
                        break;
                    case '+':
                        result.Append(content);
                        seenNew++;
                        break;
                    case '\\':
                        break;
                    default:
                        Assert.Fail($"unexpected diff line '{line}'");
                        break;
                }
                i++;
            }
            Assert.Equal(oldCount, seenOld);
            Assert.Equal(newCount, seenNew);
        }
        for (; cursor < old.Count; cursor++) result.Append(old[cursor]);
        return result.ToString();
    }

    private static List<string> SplitKeepingEnds(string text)
    {
        var list = new List<string>();
        int start = 0;
        for (int k = 0; k < text.Length; k++)
        {
            if (text[k] != '\n') continue;
            list.Add(text[start..(k + 1)]);
            start = k + 1;
        }
        if (start < text.Length) list.Add(text[start..]);
        return list;
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex Header();
}

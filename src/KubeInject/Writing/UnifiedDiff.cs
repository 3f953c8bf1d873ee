using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace KubeInject.Writing;

/// <summary>
/// GNU-style unified diffs (<c>--- a/x</c>, <c>+++ b/x</c>, <c>@@ -l,n +l,n @@</c>) of two texts, built on
/// DiffPlex's line differ. Whitespace is significant (DiffPlex ignores it by default, which would hide
/// indentation changes) and each line keeps its own line break, so a CRLF line stays CRLF in the diff and a
/// last line without a break is marked <c>\ No newline at end of file</c>.
/// </summary>
public static class UnifiedDiff
{
    private const string NoNewLine = "\\ No newline at end of file";

    /// <summary>The unified diff from <paramref name="oldText"/> to <paramref name="newText"/>, or "" when they are equal.</summary>
    /// <param name="oldText">The text before.</param>
    /// <param name="newText">The text after.</param>
    /// <param name="oldName">Name on the <c>---</c> line, e.g. <c>a/deploy.yaml</c>.</param>
    /// <param name="newName">Name on the <c>+++</c> line, e.g. <c>b/deploy.yaml</c>.</param>
    /// <param name="context">Unchanged lines shown around each change.</param>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (oldText == newText) return "";
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        if (diff.DiffBlocks.Count == 0) return "";

        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in Group(diff.DiffBlocks, context, diff.PiecesOld.Count))
            WriteHunk(sb, diff, hunk, context);
        return sb.ToString();
    }

    // Changes closer than two contexts apart share one hunk, as in GNU diff.
    private static List<List<DiffBlock>> Group(IList<DiffBlock> blocks, int context, int oldCount)
    {
        var hunks = new List<List<DiffBlock>>();
        List<DiffBlock>? current = null;
        int currentEnd = 0;
        foreach (var b in blocks)
        {
            if (current is not null && b.DeleteStartA - currentEnd <= 2 * context) current.Add(b);
            else hunks.Add(current = [b]);
            currentEnd = Math.Min(b.DeleteStartA + b.DeleteCountA, oldCount);
        }
        return hunks;
    }

    private static void WriteHunk(StringBuilder sb, DiffResult diff, List<DiffBlock> blocks, int context)
    {
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var first = blocks[0];
        var last = blocks[^1];
        // Both texts have the same unchanged lines before the first block, so the offsets line up.
        int before = Math.Min(context, Math.Min(first.DeleteStartA, first.InsertStartB));
        int oldStart = first.DeleteStartA - before, newStart = first.InsertStartB - before;
        int oldEnd = Math.Min(oldLines.Count, last.DeleteStartA + last.DeleteCountA + context);
        int newEnd = Math.Min(newLines.Count, last.InsertStartB + last.InsertCountB + (oldEnd - (last.DeleteStartA + last.DeleteCountA)));

        sb.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
        int a = oldStart;
        foreach (var b in blocks)
        {
            for (; a < b.DeleteStartA; a++) Line(sb, ' ', oldLines[a]);
            for (int i = 0; i < b.DeleteCountA; i++) Line(sb, '-', oldLines[b.DeleteStartA + i]);
            for (int i = 0; i < b.InsertCountB; i++) Line(sb, '+', newLines[b.InsertStartB + i]);
            a = b.DeleteStartA + b.DeleteCountA;
        }
        for (; a < oldEnd; a++) Line(sb, ' ', oldLines[a]);
    }

    // GNU: "l,n"; "l" alone when n is 1; for an empty range, the line before it and ",0".
    private static string Range(int start, int count) => count switch
    {
        0 => start.ToString(CultureInfo.InvariantCulture) + ",0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => (start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
    };

    private static void Line(StringBuilder sb, char marker, string piece)
    {
        sb.Append(marker).Append(piece);
        if (!piece.EndsWith('\n')) sb.Append('\n').Append(NoNewLine).Append('\n');
    }
}

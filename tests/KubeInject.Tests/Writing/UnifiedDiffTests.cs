using KubeInject.Writing;

namespace KubeInject.Tests.Writing;

public class UnifiedDiffTests
{
    private static string Diff(string a, string b, int context = 3) => UnifiedDiff.Create(a, b, "a/x.yaml", "b/x.yaml", context);

    private static string Lines(int from, int to, Func<int, string>? line = null) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => (line ?? (n => $"l{n}"))(i) + "\n"));

    [Fact]
    public void Equal_texts_have_an_empty_diff() => Assert.Equal("", Diff("a\n", "a\n"));

    [Fact]
    public void A_changed_line_is_shown_with_three_lines_of_context()
    {
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n",
            Diff(Lines(1, 10), Lines(1, 10, n => n == 5 ? "L5" : $"l{n}")));
    }

    [Fact]
    public void An_indentation_change_is_a_change()
    {
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,2 @@\n a:\n-  b: 1\n+    b: 1\n", Diff("a:\n  b: 1\n", "a:\n    b: 1\n"));
    }

    [Fact]
    public void Distant_changes_get_separate_hunks_and_close_ones_share_one()
    {
        string old = Lines(1, 20);
        string far = Diff(old, Lines(1, 20, n => n is 2 or 18 ? $"X{n}" : $"l{n}"));
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,5 +1,5 @@\n l1\n-l2\n+X2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+X18\n l19\n l20\n", far);
        string close = Diff(old, Lines(1, 20, n => n is 5 or 11 ? $"X{n}" : $"l{n}"));
        Assert.Equal(1, close.Split("@@ -").Length - 1);
        Assert.Contains("@@ -2,13 +2,13 @@\n", close);
    }

    [Fact]
    public void Single_lines_and_empty_ranges_use_GNU_headers()
    {
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -0,0 +1 @@\n+a\n", Diff("", "a\n"));
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +1,2 @@\n+x\n a\n", Diff("a\n", "x\na\n"));
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +0,0 @@\n-a\n", Diff("a\n", ""));
    }

    [Fact]
    public void A_missing_final_line_break_is_marked()
    {
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n", Diff("a\nb", "a\nb\n"));
    }

    [Fact]
    public void CRLF_lines_keep_their_line_breaks()
    {
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,3 @@\n a\r\n+c\r\n b\r\n", Diff("a\r\nb\r\n", "a\r\nc\r\nb\r\n"));
    }

    [Fact]
    public void A_line_break_change_alone_is_a_change() => Assert.NotEqual("", Diff("a\n", "a\r\n"));

    [Fact]
    public void Context_can_be_zero() =>
        Assert.Equal("--- a/x.yaml\n+++ b/x.yaml\n@@ -2 +2 @@\n-l2\n+X\n", Diff(Lines(1, 3), Lines(1, 3, n => n == 2 ? "X" : $"l{n}"), 0));
}

using KubeInject.Writing;

namespace KubeInject.Tests.Cli;

public class DiffColorizerTests
{
    [Fact]
    public void Headers_hunks_removals_and_additions_are_coloured_and_context_is_not()
    {
        string diff = "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n--- old separator\n+new\n c\n";
        Assert.Equal(
            "\u001b[1m--- a/x\u001b[0m\n\u001b[1m+++ b/x\u001b[0m\n\u001b[36m@@ -1,3 +1,3 @@\u001b[0m\n a\n" +
            "\u001b[31m--- old separator\u001b[0m\n\u001b[32m+new\u001b[0m\n c\n",
            KubeInject.Cli.DiffColorizer.Colorize(diff));
    }

    [Fact]
    public void A_CRLF_line_break_stays_outside_the_colour()
    {
        Assert.Equal("\u001b[36m@@ -1 +1 @@\u001b[0m\n\u001b[31m-a\u001b[0m\r\n\u001b[32m+b\u001b[0m\r\n",
            KubeInject.Cli.DiffColorizer.Colorize("@@ -1 +1 @@\n-a\r\n+b\r\n"));
    }
}

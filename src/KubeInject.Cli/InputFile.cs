using System.Text;

namespace KubeInject.Cli;

/// <summary>Reads inputs as text without losing a byte order mark (it is part of what we must write back).</summary>
internal static class InputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The file's text; a UTF-8 BOM stays in the string as U+FEFF.</summary>
    public static string Read(string path) => Utf8.GetString(File.ReadAllBytes(path));

    /// <summary>All of standard input.</summary>
    public static string ReadStdin(TextReader stdin) => stdin.ReadToEnd();
}

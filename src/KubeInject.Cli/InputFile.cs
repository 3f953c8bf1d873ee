using System.Text;

namespace KubeInject.Cli;

/// <summary>Reads inputs as text without losing a byte order mark (it is part of what we must write back).</summary>
internal static class InputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The file's text; a UTF-8 BOM stays in the string as U+FEFF.</summary>
    public static string Read(string path) => Utf8.GetString(File.ReadAllBytes(path));

    /// <summary>The file as a stream of text, decoded as <see cref="Read"/> decodes it (a BOM is the first character).</summary>
    public static TextReader OpenReader(string path) =>
        new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 });

    /// <summary>Whether the file holds <paramref name="marker"/>, read as a stream (the file is not held whole).</summary>
    public static bool Contains(string path, string marker)
    {
        using var reader = OpenReader(path);
        // Each read lands after the previous block's last marker.Length - 1 characters, so a marker split across
        // blocks is found without allocating per block.
        var buffer = new char[(1 << 16) + marker.Length];
        int kept = 0, n;
        while ((n = reader.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var block = buffer.AsSpan(0, kept + n);
            if (block.IndexOf(marker.AsSpan(), StringComparison.Ordinal) >= 0) return true;
            kept = Math.Min(marker.Length - 1, block.Length);
            block[^kept..].CopyTo(buffer);
        }
        return false;
    }

    /// <summary>All of standard input.</summary>
    public static string ReadStdin(TextReader stdin) => stdin.ReadToEnd();
}

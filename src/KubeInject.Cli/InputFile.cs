using System.Buffers;
using System.Text;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// Reads inputs as text without losing a byte order mark (it is part of what we must write back). Input must be
/// UTF-8: bytes that are not are refused (a <see cref="KubeInjectException"/> naming the file, line and column),
/// never replaced, so no byte of a file is rewritten silently.
/// </summary>
internal static class InputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; a UTF-8 BOM stays in the string as U+FEFF.</summary>
    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(bytes, path);
        }
    }

    /// <summary>
    /// The file as a stream of text, decoded as <see cref="Read"/> decodes it (a BOM is the first character);
    /// a read past bytes that are not UTF-8 throws <see cref="DecoderFallbackException"/> (see <see cref="NotUtf8(string)"/>).
    /// </summary>
    public static TextReader OpenReader(string path) =>
        new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 });

    /// <summary>A reader of standard input that refuses bytes that are not UTF-8, as files are.</summary>
    public static TextReader OpenStdin() =>
        new StreamReader(Console.OpenStandardInput(), Utf8, detectEncodingFromByteOrderMarks: false, 1 << 16);

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
    public static string ReadStdin(TextReader stdin)
    {
        try
        {
            return stdin.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new KubeInjectException($"not UTF-8 ({Describe(e.BytesUnknown)}); kube-inject reads UTF-8 only and does not rewrite other encodings", new SourceLocation("stdin"));
        }
    }

    /// <summary>The error for a file a streaming read found not to be UTF-8: the file is read again to say where.</summary>
    public static KubeInjectException NotUtf8(string path) => NotUtf8(File.ReadAllBytes(path), path);

    private static KubeInjectException NotUtf8(byte[] bytes, string path)
    {
        int line = 1, lineStart = 0, i = 0;
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out int used);
            if (status != OperationStatus.Done)
            {
                // Columns count characters, as the YAML reader's do.
                int column = Encoding.UTF8.GetCharCount(bytes, lineStart, i - lineStart) + 1;
                return new KubeInjectException($"not UTF-8 ({Describe(rest[..Math.Max(used, 1)].ToArray())}); kube-inject reads UTF-8 only and does not rewrite other encodings",
                    new SourceLocation(path, -1, line, column));
            }
            if (rune.Value == '\n')
            {
                line++;
                lineStart = i + used;
            }
            i += used;
            rest = rest[used..];
        }
        return new KubeInjectException("not UTF-8; kube-inject reads UTF-8 only", new SourceLocation(path));
    }

    private static string Describe(byte[]? bytes) =>
        bytes is { Length: > 0 } ? "byte" + (bytes.Length > 1 ? "s " : " ") + string.Join(' ', bytes.Select(b => $"0x{b:X2}")) : "invalid bytes";
}

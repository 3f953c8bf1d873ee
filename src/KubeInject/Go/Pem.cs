using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Go's <c>encoding/pem</c> <c>Decode</c>, for the first block: <c>-----BEGIN TYPE-----</c> at the start of a line,
/// optional <c>Key: value</c> headers ended by a blank line, base64 (white space ignored), <c>-----END TYPE-----</c>.
/// A candidate that is malformed is skipped and the search goes on, as Go does.
/// </summary>
internal static class Pem
{
    /// <summary>The type and bytes of the first well-formed block of <paramref name="text"/>, or null.</summary>
    public static (string Type, byte[] Bytes)? Decode(string text)
    {
        for (int from = 0; ;)
        {
            int begin = text.IndexOf("-----BEGIN ", from, StringComparison.Ordinal);
            if (begin < 0) return null;
            from = begin + 1;
            if (begin > 0 && text[begin - 1] != '\n') continue;
            int eol = text.IndexOf('\n', begin);
            if (eol < 0) return null;
            var first = text[begin..eol].TrimEnd('\r', ' ', '\t');
            if (!first.EndsWith("-----", StringComparison.Ordinal) || first.Length < "-----BEGIN -----".Length) continue;
            var type = first["-----BEGIN ".Length..^"-----".Length];
            var endMarker = "-----END " + type + "-----";
            int end = text.IndexOf(endMarker, eol, StringComparison.Ordinal);
            if (end < 0) continue;
            var lines = text[(eol + 1)..end].Split('\n');
            int body = 0;
            if (lines.Length > 0 && lines[0].Contains(':'))
            {
                while (body < lines.Length && lines[body].Trim().Length > 0) body++;
            }
            var base64 = new StringBuilder();
            foreach (var line in lines.Skip(body))
                foreach (var c in line)
                    if (c is not (' ' or '\t' or '\r' or '\n')) base64.Append(c);
            if (Base64Std.DecodeString(base64.ToString(), out _) is { } bytes) return (type, bytes);
        }
    }
}

using System.Text;

namespace KubeInject.Go;

/// <summary>Go's <c>encoding/base32</c> standard encoding (RFC 4648 alphabet, '=' padding), as sprig's b32enc and b32dec use it.</summary>
internal static class Base32Std
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Go's <c>base32.StdEncoding.EncodeToString</c>: RFC 4648, padded with '=' to a multiple of 8 characters.</summary>
    public static string Encode(byte[] data)
    {
        var sb = new StringBuilder((data.Length + 4) / 5 * 8);
        for (int i = 0; i < data.Length; i += 5)
        {
            int n = Math.Min(5, data.Length - i);
            ulong block = 0;
            for (int j = 0; j < 5; j++) block = block << 8 | (j < n ? data[i + j] : 0u);
            int chars = (n * 8 + 4) / 5;
            for (int j = 0; j < 8; j++) sb.Append(j < chars ? Alphabet[(int)(block >> (35 - 5 * j)) & 31] : '=');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Go's <c>base32.StdEncoding.DecodeString</c> (encoding/base32 decode): line breaks removed first, then
    /// 8-character quanta, '=' padding only where a quantum may end; null with Go's error text (offsets in the
    /// stripped input).
    /// </summary>
    public static byte[]? DecodeString(string s, out string error)
    {
        error = "";
        var src = Encoding.UTF8.GetBytes(s.Replace("\r", "").Replace("\n", ""));
        int olen = src.Length, p = 0;
        var output = new List<byte>(olen * 5 / 8);
        bool end = false;
        string Corrupt(int offset) => $"illegal base32 data at input byte {offset}";
        while (p < olen && !end)
        {
            var dbuf = new byte[8];
            int dlen = 8;
            for (int j = 0; j < 8;)
            {
                if (p == olen)
                {
                    error = Corrupt(p - j); // missing padding
                    return null;
                }
                byte input = src[p++];
                int remaining = olen - p;
                if (input == '=' && j >= 2 && remaining < 8)
                {
                    if (remaining + j < 7)
                    {
                        error = Corrupt(olen); // not enough padding
                        return null;
                    }
                    for (int k = 0; k < 7 - j; k++)
                    {
                        if (remaining > k && src[p + k] != '=')
                        {
                            error = Corrupt(p + k - 1); // incorrect padding
                            return null;
                        }
                    }
                    dlen = j;
                    end = true;
                    // 1, 3 and 6 characters do not make a byte.
                    if (dlen is 1 or 3 or 6)
                    {
                        error = Corrupt(p - 1);
                        return null;
                    }
                    break;
                }
                int v = Alphabet.IndexOf((char)input);
                if (v < 0)
                {
                    error = Corrupt(p - 1);
                    return null;
                }
                dbuf[j++] = (byte)v;
            }
            ulong block = 0;
            for (int j = 0; j < 8; j++) block = block << 5 | dbuf[j];
            int bytes = dlen switch { 8 => 5, 7 => 4, 5 => 3, 4 => 2, _ => 1 };
            for (int j = 0; j < bytes; j++) output.Add((byte)(block >> (32 - 8 * j)));
        }
        return output.ToArray();
    }
}

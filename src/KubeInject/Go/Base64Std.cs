namespace KubeInject.Go;

/// <summary>
/// Go's <c>base64.StdEncoding.DecodeString</c> (encoding/base64 decodeQuantum): padded 4-character quanta, '\r' and
/// '\n' skipped anywhere, anything else outside the alphabet an error worded and placed as Go's
/// (<c>illegal base64 data at input byte N</c>). Unlike .NET's decoder, spaces are not skipped.
/// </summary>
internal static class Base64Std
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>The decoded bytes, or null with Go's error text in <paramref name="error"/>.</summary>
    public static byte[]? DecodeString(string s, out string error)
    {
        error = "";
        var src = System.Text.Encoding.UTF8.GetBytes(s);
        var output = new List<byte>(src.Length * 3 / 4);
        int si = 0;
        while (si < src.Length)
        {
            var dbuf = new int[4];
            int dlen = 4;
            string? err = null;
            for (int j = 0; j < 4; j++)
            {
                if (si == src.Length)
                {
                    if (j == 0) return output.ToArray();
                    error = Corrupt(si - j);
                    return null;
                }
                byte input = src[si++];
                int v = input < 0x80 ? Alphabet.IndexOf((char)input) : -1;
                if (v >= 0)
                {
                    dbuf[j] = v;
                    continue;
                }
                if (input is (byte)'\n' or (byte)'\r')
                {
                    j--;
                    continue;
                }
                if (input != '=' || j < 2)
                {
                    error = Corrupt(si - 1); // not in the alphabet, or padding too early
                    return null;
                }
                if (j == 2)
                {
                    // "==" is expected; the first '=' is consumed.
                    while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r') si++;
                    if (si == src.Length)
                    {
                        error = Corrupt(src.Length);
                        return null;
                    }
                    if (src[si] != '=')
                    {
                        error = Corrupt(si - 1);
                        return null;
                    }
                    si++;
                }
                while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r') si++;
                if (si < src.Length) err = Corrupt(si); // trailing garbage
                dlen = j;
                break;
            }
            int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
            if (dlen >= 2) output.Add((byte)(val >> 16));
            if (dlen >= 3) output.Add((byte)(val >> 8));
            if (dlen == 4) output.Add((byte)val);
            if (err is not null)
            {
                error = err;
                return null;
            }
        }
        return output.ToArray();
    }

    private static string Corrupt(long offset) => $"illegal base64 data at input byte {offset}";
}

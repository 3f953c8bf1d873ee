namespace KubeInject.Go;

/// <summary>
/// Go's <c>net/netip.ParseAddr</c>/<c>ParsePrefix</c> and <c>net.SplitHostPort</c> validation with their exact
/// error texts (Go 1.22, which Istio 1.23 is built with).
/// </summary>
internal static class Netip
{
    /// <summary>Null when <paramref name="s"/> parses as an IP prefix, else Go's error text.</summary>
    public static string? ParsePrefixError(string s)
    {
        string Err(string msg) => "netip.ParsePrefix(" + Strconv.Quote(s) + "): " + msg;
        int i = s.LastIndexOf('/');
        if (i < 0) return Err("no '/'");
        var addrError = ParseAddrError(s[..i], out bool is6, out bool hasZone);
        if (addrError is not null) return Err(addrError);
        if (is6 && hasZone) return Err("IPv6 zones cannot be present in a prefix");
        string bits = s[(i + 1)..];
        if (bits.Length > 1 && (bits[0] < '1' || bits[0] > '9')) return Err("bad bits after slash: " + Strconv.Quote(bits));
        var n = Strconv.Atoi(bits, out _);
        if (n is null) return Err("bad bits after slash: " + Strconv.Quote(bits));
        if (n < 0 || n > (is6 ? 128 : 32)) return Err("prefix length out of range");
        return null;
    }

    /// <summary>Null when <paramref name="s"/> parses as an IP address, else Go's <c>ParseAddr(...)</c> error text.</summary>
    public static string? ParseAddrError(string s) => ParseAddrError(s, out _, out _);

    private static string? ParseAddrError(string s, out bool is6, out bool hasZone)
    {
        is6 = false;
        hasZone = false;
        foreach (char c in s)
        {
            switch (c)
            {
                case '.':
                    return Ipv4(s, 0, s.Length);
                case ':':
                    is6 = true;
                    return Ipv6(s, out hasZone);
                case '%':
                    return AddrErr(s, "missing IPv6 address");
            }
        }
        return AddrErr(s, "unable to parse IP");
    }

    private static string AddrErr(string input, string msg, string? at = null) =>
        "ParseAddr(" + Strconv.Quote(input) + "): " + msg + (string.IsNullOrEmpty(at) ? "" : " (at " + Strconv.Quote(at) + ")");

    private static string? Ipv4(string input, int off, int end)
    {
        string s = input[off..end];
        int val = 0, pos = 0, digLen = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (digLen == 1 && val == 0) return AddrErr(input, "IPv4 field has octet with leading zero");
                val = val * 10 + (c - '0');
                digLen++;
                if (val > 255) return AddrErr(input, "IPv4 field has value >255");
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.') return AddrErr(input, "IPv4 field must have at least one digit", s[i..]);
                if (pos == 3) return AddrErr(input, "IPv4 address too long");
                pos++;
                val = 0;
                digLen = 0;
            }
            else return AddrErr(input, "unexpected character", s[i..]);
        }
        if (pos < 3) return AddrErr(input, "IPv4 address too short");
        return null;
    }

    private static string? Ipv6(string input, out bool hasZone)
    {
        hasZone = false;
        string s = input;
        string zone = "";
        int z = s.IndexOf('%');
        if (z >= 0)
        {
            zone = s[(z + 1)..];
            s = s[..z];
            if (zone.Length == 0) return AddrErr(input, "zone must be a non-empty string");
            hasZone = true;
        }
        int ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0) return null;
        }
        int i = 0;
        while (i < 16)
        {
            int off = 0;
            uint acc = 0;
            for (; off < s.Length; off++)
            {
                char c = s[off];
                if (c is >= '0' and <= '9') acc = (acc << 4) + (uint)(c - '0');
                else if (c is >= 'a' and <= 'f') acc = (acc << 4) + (uint)(c - 'a' + 10);
                else if (c is >= 'A' and <= 'F') acc = (acc << 4) + (uint)(c - 'A' + 10);
                else break;
                if (off > 3) return AddrErr(input, "each group must have 4 or less digits", s);
                if (acc > ushort.MaxValue) return AddrErr(input, "IPv6 field has value >=2^16", s);
            }
            if (off == 0) return AddrErr(input, "each colon-separated field must have at least one digit", s);
            if (off < s.Length && s[off] == '.')
            {
                if (ellipsis < 0 && i != 12) return AddrErr(input, "embedded IPv4 address must replace the final 2 fields of the address", s);
                if (i + 4 > 16) return AddrErr(input, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
                int end = input.Length - (zone.Length > 0 ? zone.Length + 1 : 0);
                var err = Ipv4(input, end - s.Length, end);
                if (err is not null) return err;
                i += 4;
                s = "";
                break;
            }
            i += 2;
            s = s[off..];
            if (s.Length == 0) break;
            if (s[0] != ':') return AddrErr(input, "unexpected character, want colon", s);
            if (s.Length == 1) return AddrErr(input, "colon must be followed by more characters", s);
            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0) return AddrErr(input, "multiple :: in address", s);
                ellipsis = i;
                s = s[1..];
                if (s.Length == 0) break;
            }
        }
        if (s.Length != 0) return AddrErr(input, "trailing garbage after address", s);
        if (i < 16)
        {
            if (ellipsis < 0) return AddrErr(input, "address string too short");
        }
        else if (ellipsis >= 0) return AddrErr(input, "the :: must expand to at least one field of zeros", s);
        return null;
    }

    /// <summary>Go <c>net.SplitHostPort</c>; null on success (with host and port), else Go's error text.</summary>
    public static string? SplitHostPort(string hostport, out string host, out string port)
    {
        host = port = "";
        string Err(string why) => hostport.Length > 0 ? "address " + hostport + ": " + why : why;
        const string missingPort = "missing port in address", tooManyColons = "too many colons in address";
        int j = 0, k = 0;
        int i = hostport.LastIndexOf(':');
        if (i < 0) return Err(missingPort);
        if (hostport[0] == '[')
        {
            int end = hostport.IndexOf(']');
            if (end < 0) return Err("missing ']' in address");
            if (end + 1 == hostport.Length) return Err(missingPort);
            if (end + 1 != i) return hostport[end + 1] == ':' ? Err(tooManyColons) : Err(missingPort);
            host = hostport[1..end];
            j = 1;
            k = end + 1;
        }
        else
        {
            host = hostport[..i];
            if (host.Contains(':')) return Err(tooManyColons);
        }
        if (hostport[j..].Contains('[')) return Err("unexpected '[' in address");
        if (hostport[k..].Contains(']')) return Err("unexpected ']' in address");
        port = hostport[(i + 1)..];
        return null;
    }
}

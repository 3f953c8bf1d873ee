using System.Text;

namespace KubeInject.Go;

/// <summary>
/// The parts of Go's <c>net/url</c> sprig's <c>urlParse</c> and <c>urlJoin</c> use: <c>url.Parse</c> into a
/// <see cref="NetUrl"/> (scheme, opaque part, user info, host, decoded path, raw query, decoded fragment) and
/// <c>URL.String()</c> back, with Go's escaping rules per part. IPv6 zones (<c>[fe80::1%25en0]</c>) are not
/// split out as Go does; the bracketed host is kept as written.
/// </summary>
internal sealed class NetUrl
{
    private enum Encoding { Path, Host, UserPassword, Fragment }

    /// <summary>The scheme, lower-cased.</summary>
    public string Scheme { get; init; } = "";

    /// <summary>What follows <c>scheme:</c> when it does not start with <c>/</c> (<c>mailto:a@b</c>).</summary>
    public string Opaque { get; init; } = "";

    /// <summary>The user name, decoded; null when the URL has no user info.</summary>
    public string? User { get; init; }

    /// <summary>The password, decoded; null when none was given (<c>user@</c>, not <c>user:@</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Host or host:port.</summary>
    public string Host { get; init; } = "";

    /// <summary>The path, decoded.</summary>
    public string Path { get; init; } = "";

    /// <summary>The query without its <c>?</c>, as written.</summary>
    public string RawQuery { get; init; } = "";

    /// <summary>The fragment, decoded.</summary>
    public string Fragment { get; init; } = "";

    /// <summary>A URL ending in a lone <c>?</c> (kept by <see cref="ToString"/>).</summary>
    public bool ForceQuery { get; init; }

    /// <summary>A scheme followed directly by <c>/</c> (<c>file:/x</c>): no <c>//</c> is written back.</summary>
    public bool OmitHost { get; init; }

    /// <summary>Go's <c>Hostname()</c>: the host without its port and IPv6 brackets.</summary>
    public string Hostname
    {
        get
        {
            var host = Host;
            int colon = host.LastIndexOf(':');
            if (colon >= 0 && ValidOptionalPort(host[colon..])) host = host[..colon];
            return host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        }
    }

    /// <summary>Go's <c>Userinfo.String()</c>: the user info escaped, <c>""</c> when there is none.</summary>
    public string UserInfo => User is null ? "" : Escape(User, Encoding.UserPassword) + (Password is null ? "" : ":" + Escape(Password, Encoding.UserPassword));

    /// <summary>Go's <c>url.Parse</c>; a <see cref="FormatException"/> worded as Go's error for what Go refuses.</summary>
    public static NetUrl Parse(string rawUrl)
    {
        int hash = rawUrl.IndexOf('#');
        var u = hash < 0 ? rawUrl : rawUrl[..hash];
        NetUrl url;
        try { url = ParseWithoutFragment(u); }
        catch (FormatException e) { throw new FormatException($"parse {Strconv.Quote(u)}: {e.Message}"); }
        if (hash < 0 || hash == rawUrl.Length - 1) return url;
        try { return new NetUrl { Scheme = url.Scheme, Opaque = url.Opaque, User = url.User, Password = url.Password, Host = url.Host, Path = url.Path, RawQuery = url.RawQuery, ForceQuery = url.ForceQuery, OmitHost = url.OmitHost, Fragment = Unescape(rawUrl[(hash + 1)..], Encoding.Fragment) }; }
        catch (FormatException e) { throw new FormatException($"parse {Strconv.Quote(rawUrl)}: {e.Message}"); }
    }

    private static NetUrl ParseWithoutFragment(string raw)
    {
        if (raw.Any(c => c < 0x20 || c == 0x7f)) throw new FormatException("net/url: invalid control character in URL");
        if (raw == "*") return new NetUrl { Path = "*" };
        var (scheme, rest) = GetScheme(raw);
        scheme = scheme.ToLowerInvariant();
        bool forceQuery = false;
        string rawQuery = "";
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            forceQuery = true;
            rest = rest[..^1];
        }
        else if (rest.IndexOf('?') is var q and >= 0)
        {
            rawQuery = rest[(q + 1)..];
            rest = rest[..q];
        }
        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0) return new NetUrl { Scheme = scheme, Opaque = rest, RawQuery = rawQuery, ForceQuery = forceQuery };
            var segment = rest.IndexOf('/') is var s and >= 0 ? rest[..s] : rest;
            if (segment.Contains(':')) throw new FormatException("first path segment in URL cannot contain colon");
        }
        string? user = null, password = null;
        string host = "";
        bool omitHost = false;
        if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = "";
            if (authority.IndexOf('/') is var slash and >= 0)
            {
                rest = authority[slash..];
                authority = authority[..slash];
            }
            (user, password, host) = ParseAuthority(authority);
        }
        else if (scheme.Length > 0 && rest.StartsWith('/'))
        {
            omitHost = true;
        }
        return new NetUrl
        {
            Scheme = scheme, User = user, Password = password, Host = host, OmitHost = omitHost,
            Path = Unescape(rest, Encoding.Path), RawQuery = rawQuery, ForceQuery = forceQuery,
        };
    }

    private static (string Scheme, string Remainder) GetScheme(string raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsAsciiLetter(c)) continue;
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0) return ("", raw);
                continue;
            }
            if (c == ':')
            {
                if (i == 0) throw new FormatException("missing protocol scheme");
                return (raw[..i], raw[(i + 1)..]);
            }
            return ("", raw);
        }
        return ("", raw);
    }

    private static (string? User, string? Password, string Host) ParseAuthority(string authority)
    {
        int at = authority.LastIndexOf('@');
        var host = ParseHost(at < 0 ? authority : authority[(at + 1)..]);
        if (at < 0) return (null, null, host);
        var userinfo = authority[..at];
        if (!userinfo.All(c => char.IsAsciiLetterOrDigit(c) || "-._:~!$&'()*+,;=%@".Contains(c))) throw new FormatException("net/url: invalid userinfo");
        int colon = userinfo.IndexOf(':');
        return colon < 0
            ? (Unescape(userinfo, Encoding.UserPassword), null, host)
            : (Unescape(userinfo[..colon], Encoding.UserPassword), Unescape(userinfo[(colon + 1)..], Encoding.UserPassword), host);
    }

    private static string ParseHost(string host)
    {
        if (host.StartsWith('['))
        {
            int close = host.LastIndexOf(']');
            if (close < 0) throw new FormatException("missing ']' in host");
            var colonPort = host[(close + 1)..];
            if (!ValidOptionalPort(colonPort)) throw new FormatException($"invalid port {Strconv.Quote(colonPort)} after host");
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            var colonPort = host[colon..];
            if (!ValidOptionalPort(colonPort)) throw new FormatException($"invalid port {Strconv.Quote(colonPort)} after host");
        }
        return Unescape(host, Encoding.Host);
    }

    private static bool ValidOptionalPort(string port) =>
        port.Length == 0 || (port[0] == ':' && port[1..].All(char.IsAsciiDigit));

    /// <summary>Go's <c>URL.String()</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Scheme.Length > 0) sb.Append(Scheme).Append(':');
        if (Opaque.Length > 0) sb.Append(Opaque);
        else
        {
            if (Scheme.Length > 0 || Host.Length > 0 || User is not null)
            {
                if (!(OmitHost && Host.Length == 0 && User is null))
                {
                    if (Host.Length > 0 || Path.Length > 0 || User is not null) sb.Append("//");
                    if (User is not null) sb.Append(UserInfo).Append('@');
                    if (Host.Length > 0) sb.Append(Escape(Host, Encoding.Host));
                }
            }
            var path = Path == "*" ? "*" : Escape(Path, Encoding.Path);
            if (path.Length > 0 && path[0] != '/' && Host.Length > 0) sb.Append('/');
            // A colon in the first segment of a relative path would read as a scheme.
            if (sb.Length == 0 && (path.IndexOf('/') is var s && s >= 0 ? path[..s] : path).Contains(':')) sb.Append("./");
            sb.Append(path);
        }
        if (ForceQuery || RawQuery.Length > 0) sb.Append('?').Append(RawQuery);
        if (Fragment.Length > 0) sb.Append('#').Append(Escape(Fragment, Encoding.Fragment));
        return sb.ToString();
    }

    // Go's shouldEscape for the modes used here.
    private static bool ShouldEscape(byte c, Encoding mode)
    {
        if (c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9') return false;
        if (mode == Encoding.Host && "!$&'()*+,;=:[]<>\"".Contains((char)c)) return false;
        switch ((char)c)
        {
            case '-' or '_' or '.' or '~':
                return false;
            case '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@':
                return mode switch
                {
                    Encoding.Path => c == '?',
                    Encoding.UserPassword => c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':',
                    Encoding.Fragment => false,
                    _ => true,
                };
        }
        if (mode == Encoding.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*') return false;
        return true;
    }

    private static string Escape(string s, Encoding mode)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(s))
        {
            if (ShouldEscape(b, mode)) sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            else sb.Append((char)b);
        }
        return sb.ToString();
    }

    private static string Unescape(string s, Encoding mode)
    {
        var b = System.Text.Encoding.UTF8.GetBytes(s);
        var output = new List<byte>(b.Length);
        for (int i = 0; i < b.Length;)
        {
            if (b[i] == '%')
            {
                if (i + 2 >= b.Length || !IsHex(b[i + 1]) || !IsHex(b[i + 2]))
                {
                    var bad = System.Text.Encoding.UTF8.GetString(b, i, Math.Min(3, b.Length - i));
                    throw new FormatException($"invalid URL escape {Strconv.Quote(bad)}");
                }
                // In a host, %xx may only spell a byte of a non-ASCII character, or the %25 of a zone.
                if (mode == Encoding.Host && Unhex(b[i + 1]) < 8 && !(b[i + 1] == '2' && b[i + 2] == '5'))
                    throw new FormatException($"invalid URL escape {Strconv.Quote(System.Text.Encoding.UTF8.GetString(b, i, 3))}");
                output.Add((byte)(Unhex(b[i + 1]) << 4 | Unhex(b[i + 2])));
                i += 3;
                continue;
            }
            if (mode == Encoding.Host && b[i] < 0x80 && ShouldEscape(b[i], mode))
                throw new FormatException($"invalid character {Strconv.Quote(((char)b[i]).ToString())} in host name");
            output.Add(b[i++]);
        }
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private static int Unhex(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

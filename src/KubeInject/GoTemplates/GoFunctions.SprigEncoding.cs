using System.Security.Cryptography;
using System.Text;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

// sprig's encodings, hashes, deterministic crypto and URLs (strings.go, crypto.go, url.go): base32, sha512sum,
// decryptAES, derivePassword, buildCustomCert, urlParse and urlJoin. encryptAES draws a random IV and is refused with
// the other random functions (GoFunctions.SprigNonHermetic.cs).
internal static partial class GoFunctions
{
    private static void AddSprigEncoding(Dictionary<string, GoFunction> m)
    {
        Fixed(m, "b32enc", 1, (_, a) => Base32Std.Encode(Encoding.UTF8.GetBytes(Str(a[0]))));
        // sprig returns the decoder's error text in place of the value.
        Fixed(m, "b32dec", 1, (_, a) => Base32Std.DecodeString(Str(a[0]), out var error) is { } bytes ? Encoding.UTF8.GetString(bytes) : error);
        Fixed(m, "sha512sum", 1, (_, a) => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(Str(a[0])))));
        Fixed(m, "decryptAES", 2, (_, a) => DecryptAes(Str(a[0]), Str(a[1])));
        Fixed(m, "buildCustomCert", 2, (_, a) => BuildCustomCert(Str(a[0]), Str(a[1])));
        Fixed(m, "derivePassword", 5, (_, a) => DerivePassword((uint)ToInt64(a[0]), Str(a[1]), Str(a[2]), Str(a[3]), Str(a[4])));
        Fixed(m, "urlParse", 1, (_, a) => UrlParse(Str(a[0])));
        Fixed(m, "urlJoin", 1, (_, a) => UrlJoin(a[0]));
    }

    // sprig's decryptAES: base64 of a 16-byte IV and AES-256-CBC blocks, the key the password's bytes zero-padded
    // (or cut) to 32, the padding length read from the last byte.
    private static string DecryptAes(string password, string crypt64)
    {
        if (crypt64.Length == 0) return "";
        var key = new byte[32];
        var pw = Encoding.UTF8.GetBytes(password);
        Array.Copy(pw, key, Math.Min(pw.Length, 32));
        var crypt = Base64Std.DecodeString(crypt64, out var error) ?? throw new GoExecException("error calling decryptAES: " + error);
        if (crypt.Length < 32 || crypt.Length % 16 != 0) throw new GoExecException("error calling decryptAES: crypto/cipher: input not full blocks");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(crypt.AsSpan(16), crypt.AsSpan(0, 16), PaddingMode.None);
        int padding = plain[^1];
        if (padding > plain.Length) throw new GoExecException("error calling decryptAES: the padding is longer than the text (wrong password?)");
        return Encoding.UTF8.GetString(plain, 0, plain.Length - padding);
    }

    // sprig's derivePassword: the Master Password algorithm (v3): an scrypt key of the password salted with the user,
    // an HMAC-SHA256 seed of the site and counter, and the characters of one of the type's templates picked by it.
    private static readonly string[][] PasswordTemplates =
    [
        ["maximum", "anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        ["long", "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
            "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
            "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"],
        ["medium", "CvcnoCvc", "CvcCvcno"],
        ["short", "Cvcn"],
        ["basic", "aaanaaan", "aannaaan", "aaannaaa"],
        ["pin", "nnnn"],
    ];

    private static string PasswordCharacters(char c) => c switch
    {
        'V' => "AEIOU",
        'C' => "BCDFGHJKLMNPQRSTVWXYZ",
        'v' => "aeiou",
        'c' => "bcdfghjklmnpqrstvwxyz",
        'A' => "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        'a' => "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        'n' => "0123456789",
        'o' => "@&%?,=[]_:-+*$#!'^~;()/.",
        _ => "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    };

    // The scrypt key costs 32 MiB and a fraction of a second; a template calls it with the same inputs for every pod.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Password, string User), byte[]> MasterKeys = new();

    private static string DerivePassword(uint counter, string passwordType, string password, string user, string site)
    {
        var templates = PasswordTemplates.FirstOrDefault(t => t[0] == passwordType);
        if (templates is null) return "cannot find password template " + passwordType;
        const string seed = "com.lyndir.masterpassword";
        if (MasterKeys.Count > 256) MasterKeys.Clear();
        var key = MasterKeys.GetOrAdd((password, user), k =>
            Scrypt.Key(Encoding.UTF8.GetBytes(k.Password), [.. Encoding.UTF8.GetBytes(seed), .. BigEndian((uint)Encoding.UTF8.GetByteCount(k.User)), .. Encoding.UTF8.GetBytes(k.User)], 32768, 8, 2, 64));
        byte[] message = [.. Encoding.UTF8.GetBytes(seed), .. BigEndian((uint)Encoding.UTF8.GetByteCount(site)), .. Encoding.UTF8.GetBytes(site), .. BigEndian(counter)];
        var hash = HMACSHA256.HashData(key, message);
        var template = templates[1 + hash[0] % (templates.Length - 1)];
        var sb = new StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            var chars = PasswordCharacters(template[i]);
            sb.Append(chars[hash[i + 1] % chars.Length]);
        }
        return sb.ToString();
    }

    private static byte[] BigEndian(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    // sprig's buildCustomCert: a certificate struct of a base64 PEM certificate and key, once both are checked.
    private static GoStruct BuildCustomCert(string b64cert, string b64key)
    {
        var cert = Base64Std.DecodeString(b64cert, out _) ?? throw new GoExecException("error calling buildCustomCert: unable to decode base64 certificate");
        var key = Base64Std.DecodeString(b64key, out _) ?? throw new GoExecException("error calling buildCustomCert: unable to decode base64 private key");
        var certText = Encoding.UTF8.GetString(cert);
        var keyText = Encoding.UTF8.GetString(key);
        var block = Pem.Decode(certText) ?? throw new GoExecException("error calling buildCustomCert: unable to decode certificate");
        if (X509Parsing.CertificateError(block.Bytes) is { } certError) throw new GoExecException("error calling buildCustomCert: error parsing certificate: decodedCert.Bytes: " + certError);
        if (X509Parsing.PrivateKeyError(keyText) is { } keyError) throw new GoExecException("error calling buildCustomCert: error parsing private key: " + keyError);
        return new GoStruct { ["Cert"] = certText, ["Key"] = keyText };
    }

    // sprig's urlParse: the parts of Go's url.Parse as a dict of strings.
    private static ScriptObject UrlParse(string raw)
    {
        NetUrl url;
        try { url = NetUrl.Parse(raw); }
        catch (FormatException e) { throw new GoExecException("error calling urlParse: unable to parse url: " + e.Message); }
        return new ScriptObject
        {
            ["scheme"] = url.Scheme,
            ["host"] = url.Host,
            ["hostname"] = url.Hostname,
            ["path"] = url.Path,
            ["query"] = url.RawQuery,
            ["opaque"] = url.Opaque,
            ["fragment"] = url.Fragment,
            ["userinfo"] = url.UserInfo,
        };
    }

    // sprig's urlJoin: a Go url.URL from such a dict (missing keys empty), printed.
    private static string UrlJoin(object? dict)
    {
        var d = dict as ScriptObject ?? throw new GoExecException($"wrong type for value; expected map[string]interface {{}}; got {GoSemantics.TypeName(dict)}");
        string Get(string key) => !d.TryGetValue(key, out var v) ? "" : v as string
            ?? throw new GoExecException($"error calling urlJoin: unable to parse {key} key, must be of type string, but {KindOf(v)} found");
        string? user = null, password = null;
        if (Get("userinfo") is { Length: > 0 } userinfo)
        {
            try { (user, password) = NetUrl.Parse($"proto://{userinfo}@host") is var u ? (u.User, u.Password) : default; }
            catch (FormatException e) { throw new GoExecException("error calling urlJoin: unable to parse userinfo in dict: " + e.Message); }
        }
        return new NetUrl
        {
            Scheme = Get("scheme"), Host = Get("host"), Path = Get("path"), RawQuery = Get("query"), Opaque = Get("opaque"),
            Fragment = Get("fragment"), User = user, Password = password,
        }.ToString();
    }
}
